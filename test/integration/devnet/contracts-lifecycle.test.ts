import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ZeroAddress } from 'ethers';
import { DEV_WALLET, DEV_WALLET_MINT } from '../../../devnet/chain/index.js';
import { costOfBlocks } from '../../../wire/block-pricing.js';
import {
  createOrder,
  escrowOf,
  eventsOf,
  mine,
  openLease,
  orderDetails,
  send,
  startChainFixture,
} from './contracts-fixture.js';
import type { ChainFixture } from './contracts-fixture.js';

// The order → bid → match → settle lifecycle against a real anvil, with plain ethers: every amount is
// asserted to the base unit from the economic rules in docs/devnet.md.
const DEPOSIT = 1_000_000_000n; // 1,000 USDT
const MAX_PRICE = 5_555_555_555_555_556n; // 10 USDT/h at 1800 blocks/h, as the SDK computes it
const cost = (price: bigint, blocks: bigint): bigint =>
  costOfBlocks({ pricePerBlock: price, blocks, decimals: 6 });

let f: ChainFixture;

beforeAll(async () => {
  f = await startChainFixture(DEPOSIT);
});

afterAll(async () => {
  await f.stop();
});

describe('devnet contracts: deployment', () => {
  it('GIVEN a fresh deploy WHEN the book is read THEN three 6-decimal tokens are minted to the dev wallet and the matcher has its role', async () => {
    expect(f.book.chainId).toBe(31337);
    expect(f.book.tokens.map((t) => [t.symbol, t.decimals])).toEqual([
      ['USDT', 6],
      ['USDC', 6],
      ['uSPON', 6],
    ]);
    for (const t of f.book.tokens) {
      const token = f.tenant.c.token(t.symbol);
      expect(await token.getFunction('decimals')()).toBe(6n);
      const expected = t.symbol === 'USDT' ? DEV_WALLET_MINT - DEPOSIT : DEV_WALLET_MINT;
      expect(await token.getFunction('balanceOf')(DEV_WALLET.address)).toBe(expected);
      expect(await f.tenant.c.TokenRegistry.getFunction('isTokenAccepted')(t.address)).toBe(true);
    }
    const access = await f.tenant.c.OrderRequest.getFunction('access')();
    const acm = new (await import('ethers')).Contract(
      String(access),
      ['function hasRole(bytes32,address) view returns (bool)'],
      f.rpc,
    );
    const { id } = await import('ethers');
    expect(await acm.getFunction('hasRole')(id('MATCHER_ROLE'), f.book.matcher)).toBe(true);
    expect(await acm.getFunction('hasRole')(id('MATCHER_ROLE'), DEV_WALLET.address)).toBe(false);
    expect(f.book.deployBlock).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN two registered providers WHEN read back THEN ids, host URIs, status Active and tier 3 are as registered', async () => {
    const [p1, p2] = f.providers;
    const byAddr = (await f.tenant.c.ProviderRegistry.getFunction('getProviderByAddress')(
      p2?.address,
    )) as unknown[];
    expect(byAddr.slice(1, 2)).toEqual(['127.0.0.12:8443']);
    expect([byAddr[3], byAddr[4], byAddr[5]]).toEqual([[f.usdt], 2n, 3n]);
    expect(byAddr[7]).toBe(p2?.address);
    const all = (await f.tenant.c.ProviderRegistry.getFunction('getAllProviders')()) as unknown[][];
    expect(all.map((p) => [p[0], p[1]])).toEqual([
      [1n, p1?.address],
      [2n, p2?.address],
    ]);
    expect(await f.tenant.c.ProviderRegistry.getFunction('isActiveProvider')(p1?.address)).toBe(
      true,
    );
  });
});

describe('devnet contracts: order, match and settlement', () => {
  const price1 = 4_000_000_000_000_000n;
  const price2 = 3_333_333_333_333_333n; // not a whole base unit per block: exercises rounding up
  const blocks = 100n;
  let orderId = 0n;

  it('GIVEN a funded tenant WHEN an order is created THEN OrderCreated carries the tuple and the order is open with id 1', async () => {
    const receipt = await send(
      f.tenant.c.OrderRequest.getFunction('createOrder')(
        orderDetails({ maxPrice: MAX_PRICE, numOfBlocks: blocks, token: f.usdt, spec: '{n:web}' }),
      ),
    );
    const [ev] = eventsOf(receipt, f.tenant.c.OrderRequest, 'OrderCreated');
    expect(ev?.args.toArray()).toEqual([
      1n,
      DEV_WALLET.address,
      MAX_PRICE,
      blocks,
      f.usdt,
      '{n:web}',
      1n,
      1n,
    ]);
    orderId = ev?.args[0] as bigint;
    const o = (
      await f.tenant.c.OrderRequest.getFunction('getOrderById')(orderId)
    ).toArray() as unknown[];
    expect(o.slice(0, 6)).toEqual([1n, MAX_PRICE, blocks, f.usdt, DEV_WALLET.address, 0n]);
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([0n, DEPOSIT]);
  });

  it('GIVEN the open order WHEN two providers bid THEN BidPlaced is emitted and both bids are listed in order', async () => {
    const [p1, p2] = f.providers;
    const r1 = await send(p1!.c.Bid.getFunction('placeBid')(orderId, price1, 0n));
    await send(p2!.c.Bid.getFunction('placeBid')(orderId, price2, 0n));
    const [placed] = eventsOf(r1, f.tenant.c.Bid, 'BidPlaced');
    expect(placed?.args.toArray()).toEqual([orderId, price1, p1!.address, 0n]);
    const bids = (await f.tenant.c.Bid.getFunction('getAllBidsForOrder')(orderId)) as unknown[][];
    expect(bids.map((b) => [b[0], b[1], b[2], b[3], b[5]])).toEqual([
      [orderId, p1!.address, price1, 0n, 0n],
      [orderId, p2!.address, price2, 0n, 0n],
    ]);
  });

  it('GIVEN the bids WHEN the matcher matches the cheaper one THEN OrderMatched names lease = order and escrow locks price × blocks rounded up', async () => {
    const p2 = f.providers[1]!;
    const receipt = await send(
      f.matcher.c.Bid.getFunction('matchOrder')(orderId, p2.address, price2),
    );
    const [matched] = eventsOf(receipt, f.tenant.c.Bid, 'OrderMatched');
    expect(matched?.args.toArray()).toEqual([
      orderId,
      p2.address,
      0n,
      2n,
      price2,
      DEV_WALLET.address,
    ]);
    const [created] = eventsOf(receipt, f.tenant.c.ComputeLease, 'LeaseCreated');
    expect(created?.args[0]).toBe(orderId);
    const lease = (
      await f.tenant.c.ComputeLease.getFunction('leases')(orderId)
    ).toArray() as unknown[];
    expect([lease[0], lease[1], lease[2], lease[3], lease[4], lease[5]]).toEqual([
      orderId,
      0n,
      orderId,
      price2,
      p2.address,
      DEV_WALLET.address,
    ]);
    expect(lease[6]).toBe(BigInt(receipt.blockNumber));
    expect([lease[8], lease[9]]).toEqual([0n, 0n]);
    const locked = cost(price2, blocks);
    expect(locked).toBe(333_334n);
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([locked, DEPOSIT - locked]);
    const o = (
      await f.tenant.c.OrderRequest.getFunction('getOrderById')(orderId)
    ).toArray() as unknown[];
    expect(o[5]).toBe(3n);
    const bids = (await f.tenant.c.Bid.getFunction('getAllBidsForOrder')(orderId)) as unknown[][];
    expect(bids.map((b) => b[5])).toEqual([2n, 1n]);
    const leases = (await f.tenant.c.ComputeLease.getFunction('getTenantLeases')(
      DEV_WALLET.address,
    )) as unknown[];
    expect(leases.map((l) => [...(l as bigint[])])).toEqual([[orderId], [orderId]]);
  });

  it('GIVEN a lease 10 blocks old WHEN the tenant closes it THEN the provider earns exactly 10 blocks and the rest is unlocked', async () => {
    const p2 = f.providers[1]!;
    const start = BigInt(
      (await f.tenant.c.ComputeLease.getFunction('leases')(orderId))[6] as bigint,
    );
    await mine(f.rpc, 9);
    const receipt = await send(f.tenant.c.ComputeLease.getFunction('closeLease')(orderId));
    const elapsed = BigInt(receipt.blockNumber) - start;
    expect(elapsed).toBe(10n);
    const pay = cost(price2, elapsed);
    expect(pay).toBe(33_334n);
    const [closed] = eventsOf(receipt, f.tenant.c.ComputeLease, 'LeaseClosed');
    const block = await f.rpc.getBlock(receipt.blockNumber);
    expect(closed?.args.toArray()).toEqual([
      orderId,
      p2.address,
      DEV_WALLET.address,
      BigInt(block!.timestamp),
      1n,
    ]);
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([0n, DEPOSIT - pay]);
    const earnings = (await f.tenant.c.EscrowUser.getFunction('getProviderEarnings')(
      p2.address,
      f.usdt,
    )) as bigint[];
    expect([...earnings]).toEqual([pay, 0n, pay]);
    const o = (
      await f.tenant.c.OrderRequest.getFunction('getOrderById')(orderId)
    ).toArray() as unknown[];
    expect(o[5]).toBe(2n);
    const leases = (await f.tenant.c.ComputeLease.getFunction('getTenantLeases')(
      DEV_WALLET.address,
    )) as unknown[];
    expect(leases.map((l) => [...(l as bigint[])])).toEqual([[], [orderId]]);
  });

  it('GIVEN settled balances WHEN provider and tenant withdraw THEN tokens arrive to the base unit', async () => {
    const p2 = f.providers[1]!;
    const pay = cost(price2, 10n);
    await send(p2.c.EscrowUser.getFunction('withdrawProviderEarnings')(p2.address, f.usdt, pay));
    expect(await p2.c.token('USDT').getFunction('balanceOf')(p2.address)).toBe(pay);
    const before = (await f.tenant.c.token('USDT').getFunction('balanceOf')(
      DEV_WALLET.address,
    )) as bigint;
    await send(f.tenant.c.EscrowUser.getFunction('withdraw')(f.usdt, 1_000_000n, ZeroAddress));
    expect(await f.tenant.c.token('USDT').getFunction('balanceOf')(DEV_WALLET.address)).toBe(
      before + 1_000_000n,
    );
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([0n, DEPOSIT - pay - 1_000_000n]);
  });
});

describe('devnet contracts: expiry', () => {
  it('GIVEN a 5-block lease WHEN 10 blocks pass THEN it is expired and closing pays exactly 5 blocks', async () => {
    const [, unlocked0] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    const price = 4_444_444_444_444_447n;
    const id = await openLease(f, { maxPrice: MAX_PRICE, numOfBlocks: 5n, token: f.usdt }, price);
    const p1 = f.providers[0]!;
    expect(await f.tenant.c.ComputeLease.getFunction('isLeaseExpired')(id)).toBe(false);
    await mine(f.rpc, 10);
    expect(await f.tenant.c.ComputeLease.getFunction('isLeaseExpired')(id)).toBe(true);
    const before = (
      (await f.tenant.c.EscrowUser.getFunction('getProviderEarnings')(
        p1.address,
        f.usdt,
      )) as bigint[]
    )[0]!;
    await send(p1.c.ComputeLease.getFunction('closeLease')(id));
    const after = (
      (await f.tenant.c.EscrowUser.getFunction('getProviderEarnings')(
        p1.address,
        f.usdt,
      )) as bigint[]
    )[0]!;
    expect(after - before).toBe(cost(price, 5n));
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([
      0n,
      unlocked0 - cost(price, 5n),
    ]);
  });
});

describe('devnet contracts: update path', () => {
  it('GIVEN a running lease WHEN the tenant requests, the provider accepts and applies an update THEN the old part is settled and the lease restarts on the new terms', async () => {
    const p1 = f.providers[0]!;
    const [, unlocked0] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    const oldPrice = 2_222_222_222_222_223n;
    const id = await openLease(
      f,
      { maxPrice: MAX_PRICE, numOfBlocks: 50n, token: f.usdt, spec: '{n:v1}' },
      oldPrice,
    );
    const start = (await f.tenant.c.ComputeLease.getFunction('leases')(id))[6] as bigint;
    await mine(f.rpc, 3);

    const newMax = MAX_PRICE * 2n;
    const req = await send(
      f.tenant.c.OrderRequest.getFunction('updateInitialOrder')(
        id,
        orderDetails({ maxPrice: newMax, numOfBlocks: 80n, token: f.usdt, spec: '{n:v2}' }),
      ),
    );
    const [requested] = eventsOf(req, f.tenant.c.OrderRequest, 'OrderUpdateRequested');
    expect(requested?.args.toArray()).toEqual([
      id,
      DEV_WALLET.address,
      newMax,
      80n,
      f.usdt,
      '{n:v2}',
      1n,
      1n,
    ]);
    const pending = (
      await f.tenant.c.OrderRequest.getFunction('getPendingOrderById')(id)
    ).toArray() as unknown[];
    expect(pending.slice(0, 3)).toEqual([id, newMax, 80n]);

    const acc = await send(p1.c.Bid.getFunction('acceptUpdate')(id));
    const [accepted] = eventsOf(acc, f.tenant.c.Bid, 'UpdateRequestAccepted');
    expect(accepted?.args.toArray()).toEqual([id, p1.address, DEV_WALLET.address]);
    expect(await f.tenant.c.Bid.getFunction('orderUpdateAcceptance')(p1.address, id)).toBe(true);

    const newPrice = 9_999_999_999_999_999n;
    const upd = await send(p1.c.Bid.getFunction('updateOrder')(id, newPrice));
    const [updated] = eventsOf(upd, f.tenant.c.Bid, 'LeaseUpdated');
    expect(updated?.args.toArray()).toEqual([id, p1.address, DEV_WALLET.address, newPrice]);
    const [renewed] = eventsOf(upd, f.tenant.c.ComputeLease, 'LeaseUpdated');
    expect(renewed?.args.toArray().slice(0, 5)).toEqual([
      id,
      p1.address,
      DEV_WALLET.address,
      newPrice,
      BigInt(upd.blockNumber),
    ]);
    const elapsedOld = BigInt(upd.blockNumber) - start;
    const paidOld = cost(oldPrice, elapsedOld);
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([
      cost(newPrice, 80n),
      unlocked0 - paidOld - cost(newPrice, 80n),
    ]);
    const o = (
      await f.tenant.c.OrderRequest.getFunction('getOrderById')(id)
    ).toArray() as unknown[];
    expect([o[0], o[1], o[2], o[5], (o[6] as unknown[])[0]]).toEqual([
      id,
      newMax,
      80n,
      3n,
      '{n:v2}',
    ]);
    const cleared = (
      await f.tenant.c.OrderRequest.getFunction('getPendingOrderById')(id)
    ).toArray() as unknown[];
    expect(cleared[0]).toBe(0n);
    expect(await f.tenant.c.Bid.getFunction('orderUpdateAcceptance')(p1.address, id)).toBe(false);
    const lease = (await f.tenant.c.ComputeLease.getFunction('leases')(id)).toArray() as unknown[];
    expect([lease[0], lease[3], lease[6], lease[9]]).toEqual([
      id,
      newPrice,
      BigInt(upd.blockNumber),
      0n,
    ]);

    await mine(f.rpc, 2);
    const close = await send(f.tenant.c.ComputeLease.getFunction('closeLease')(id));
    const paidNew = cost(newPrice, BigInt(close.blockNumber - upd.blockNumber));
    expect(await escrowOf(f, DEV_WALLET.address, f.usdt)).toEqual([
      0n,
      unlocked0 - paidOld - paidNew,
    ]);
  });
});

describe('devnet contracts: Multicall3', () => {
  it('GIVEN several reads WHEN batched through aggregate3 THEN each result decodes as its direct call does', async () => {
    const id = await createOrder(f, { maxPrice: MAX_PRICE, numOfBlocks: 10n, token: f.usdt });
    const esc = f.tenant.c.EscrowUser.interface;
    const ord = f.tenant.c.OrderRequest.interface;
    const calls = [
      {
        target: f.book.contracts.EscrowUser,
        allowFailure: false,
        callData: esc.encodeFunctionData('getUserData', [DEV_WALLET.address, f.usdt, false]),
      },
      {
        target: f.book.contracts.OrderRequest,
        allowFailure: false,
        callData: ord.encodeFunctionData('getOrderById', [id]),
      },
      {
        target: f.book.contracts.OrderRequest,
        allowFailure: true,
        callData: ord.encodeFunctionData('getOrderById', [9999n]),
      },
    ];
    const results = (await f.tenant.c.Multicall3.getFunction('aggregate3').staticCall(calls)) as [
      boolean,
      string,
    ][];
    const direct = (await f.tenant.c.EscrowUser.getFunction('getUserData')(
      DEV_WALLET.address,
      f.usdt,
      false,
    )) as bigint[];
    expect([...(esc.decodeFunctionResult('getUserData', results[0]![1])[0] as bigint[])]).toEqual([
      ...direct,
    ]);
    expect((ord.decodeFunctionResult('getOrderById', results[1]![1])[0] as unknown[])[0]).toBe(id);
    expect(results[2]![0]).toBe(false);
    expect(ord.parseError(results[2]![1])?.name).toBe('OrderNotFound');
  });
});
