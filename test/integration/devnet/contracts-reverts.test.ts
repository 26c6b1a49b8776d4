import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Contract, Wallet, ZeroAddress, id as roleId } from 'ethers';
import {
  DEV_ACCOUNTS,
  DEV_WALLET,
  connectContracts,
  loadArtifact,
} from '../../../devnet/chain/index.js';
import type { ContractName } from '../../../devnet/chain/index.js';
import {
  createOrder,
  escrowOf,
  iface,
  mine,
  openLease,
  orderDetails,
  revertData,
  send,
  startChainFixture,
} from './contracts-fixture.js';
import type { Actor, ChainFixture } from './contracts-fixture.js';

// Every custom error of every devnet contract, triggered on a real anvil and decoded with
// `interface.parseError`; the last test fails if an error in the ABIs was never seen here.
const DEPOSIT = 100_000_000n; // 100 USDT
const MAX = 1_000_000_000_000_000n; // 1.8 USDT/h
const seen = new Set<string>();
let f: ChainFixture;
let acm: Contract;
let protocolActor: Actor;

async function expectRevert(
  contract: ContractName,
  call: Promise<unknown>,
  error: string,
  args?: readonly unknown[],
): Promise<void> {
  let caught: unknown;
  try {
    await ((await call) as { wait?: () => Promise<unknown> }).wait?.();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeDefined();
  const data = revertData(caught);
  expect(data).toBeDefined();
  const parsed = iface(contract).parseError(data ?? '0x');
  expect(parsed?.name).toBe(error);
  if (args !== undefined) expect(parsed?.args.toArray()).toEqual(args);
  seen.add(`${contract}.${error}`);
}

beforeAll(async () => {
  f = await startChainFixture(DEPOSIT);
  const access = String(await f.tenant.c.OrderRequest.getFunction('access')());
  acm = new Contract(access, loadArtifact('AccessControlManager').abi, f.admin.wallet);
  // A test-only account with the protocol role, to reach the hooks only contracts may call.
  const wallet = new Wallet(DEV_ACCOUNTS[8]!.privateKey, f.rpc);
  protocolActor = { address: wallet.address, wallet, c: connectContracts(f.book, wallet) };
  await send(acm.getFunction('grantRole')(roleId('PROTOCOL_ROLE'), protocolActor.address));
});

afterAll(async () => {
  await f.stop();
});

describe('TestToken and AccessControlManager reverts', () => {
  it('GIVEN token misuse WHEN sent THEN each ERC-20 error names the account and amounts', async () => {
    const t = f.stranger.c.token('USDT');
    await expectRevert(
      'TestToken',
      t.getFunction('transfer')(DEV_WALLET.address, 5n),
      'ERC20InsufficientBalance',
      [f.stranger.address, 0n, 5n],
    );
    await expectRevert(
      'TestToken',
      t.getFunction('transferFrom')(DEV_WALLET.address, f.stranger.address, 7n),
      'ERC20InsufficientAllowance',
      [f.stranger.address, 0n, 7n],
    );
    await expectRevert(
      'TestToken',
      f.tenant.c.token('USDT').getFunction('transfer')(ZeroAddress, 1n),
      'ERC20InvalidReceiver',
      [ZeroAddress],
    );
    await expectRevert(
      'TestToken',
      t.getFunction('transferOwnership')(f.stranger.address),
      'OwnableUnauthorizedAccount',
      [f.stranger.address],
    );
  });

  it('GIVEN a non-admin or a zero account WHEN roles are granted THEN NotAuthorized / InvalidAddress', async () => {
    const asStranger = acm.connect(f.stranger.wallet) as Contract;
    await expectRevert(
      'AccessControlManager',
      asStranger.getFunction('grantRole')(roleId('MATCHER_ROLE'), f.stranger.address),
      'NotAuthorized',
    );
    await expectRevert(
      'AccessControlManager',
      acm.getFunction('grantRole')(roleId('MATCHER_ROLE'), ZeroAddress),
      'InvalidAddress',
    );
  });
});

describe('TokenRegistry reverts', () => {
  it('GIVEN bad token registrations WHEN sent THEN NotAuthorized, InvalidAddress, TokenAlreadyAdded, TokenNotFound', async () => {
    await expectRevert(
      'TokenRegistry',
      f.stranger.c.TokenRegistry.getFunction('addToken')(f.stranger.address),
      'NotAuthorized',
    );
    await expectRevert(
      'TokenRegistry',
      f.admin.c.TokenRegistry.getFunction('addToken')(ZeroAddress),
      'InvalidAddress',
    );
    await expectRevert(
      'TokenRegistry',
      f.admin.c.TokenRegistry.getFunction('addToken')(f.usdt),
      'TokenAlreadyAdded',
    );
    await expectRevert(
      'TokenRegistry',
      f.admin.c.TokenRegistry.getFunction('removeToken')(f.stranger.address),
      'TokenNotFound',
    );
  });
});

describe('EscrowUser reverts', () => {
  it('GIVEN bad deposits WHEN sent THEN TokenNotAccepted, InvalidAmount, MinimumDepositNotMet', async () => {
    const e = f.tenant.c.EscrowUser;
    await expectRevert(
      'EscrowUser',
      e.getFunction('deposit')(f.stranger.address, 5_000_000n),
      'TokenNotAccepted',
    );
    await expectRevert('EscrowUser', e.getFunction('deposit')(f.usdt, 0n), 'InvalidAmount');
    await expectRevert(
      'EscrowUser',
      e.getFunction('deposit')(f.usdt, 999_999n),
      'MinimumDepositNotMet',
    );
  });

  it('GIVEN bad withdrawals WHEN sent THEN InsufficientBalance(available, required), InvalidOperator, InvalidAmount', async () => {
    const e = f.tenant.c.EscrowUser;
    const [, unlocked] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    await expectRevert(
      'EscrowUser',
      e.getFunction('withdraw')(f.usdt, unlocked + 1n, ZeroAddress),
      'InsufficientBalance',
      [unlocked, unlocked + 1n],
    );
    await expectRevert(
      'EscrowUser',
      e.getFunction('withdraw')(f.usdt, 1n, f.stranger.address),
      'InvalidOperator',
    );
    await expectRevert(
      'EscrowUser',
      e.getFunction('withdraw')(f.usdt, 0n, ZeroAddress),
      'InvalidAmount',
    );
  });

  it('GIVEN a caller without the protocol role WHEN it locks or withdraws earnings of another THEN UnauthorizedAccess', async () => {
    const e = f.stranger.c.EscrowUser;
    await expectRevert(
      'EscrowUser',
      e.getFunction('lockTokens')(DEV_WALLET.address, f.usdt, 1n, false),
      'UnauthorizedAccess',
    );
    await expectRevert(
      'EscrowUser',
      e.getFunction('withdrawProviderEarnings')(f.providers[0]!.address, f.usdt, 1n),
      'UnauthorizedAccess',
    );
  });

  it('GIVEN a token whose transferFrom returns false WHEN deposited THEN TransferFailed', async () => {
    // Runtime 0x60206000f3 answers every call with 32 zero bytes: a token that says "false".
    const tx = await f.admin.wallet.sendTransaction({ data: '0x6460206000f36000526005601bf3' });
    const receipt = await tx.wait();
    const falseToken = receipt?.contractAddress ?? '';
    await send(f.admin.c.TokenRegistry.getFunction('addToken')(falseToken));
    await expectRevert(
      'EscrowUser',
      f.tenant.c.EscrowUser.getFunction('deposit')(falseToken, 5_000_000n),
      'TransferFailed',
    );
  });

  it('GIVEN two orders that each fit the balance WHEN both are matched THEN the second lock reverts InsufficientBalance', async () => {
    const [, unlocked] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    // 1e18 per block = 1 token per block at 6 decimals; each order needs 60% of the balance.
    const blocks = (unlocked * 6n) / 10n / 1_000_000n;
    const o = { maxPrice: 10n ** 18n, numOfBlocks: blocks, token: f.usdt };
    const first = await createOrder(f, o);
    const second = await createOrder(f, o);
    for (const id of [first, second])
      await send(f.providers[0]!.c.Bid.getFunction('placeBid')(id, 10n ** 18n, 0n));
    await send(
      f.matcher.c.Bid.getFunction('matchOrder')(first, f.providers[0]!.address, 10n ** 18n),
    );
    const [, left] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    await expectRevert(
      'EscrowUser',
      f.matcher.c.Bid.getFunction('matchOrder')(second, f.providers[0]!.address, 10n ** 18n),
      'InsufficientBalance',
      [left, blocks * 1_000_000n],
    );
    await send(f.tenant.c.ComputeLease.getFunction('closeLease')(first));
  });
});

describe('ProviderRegistry reverts', () => {
  const params = (wallet: string, tokens: string[]): Record<string, unknown> => ({
    walletAddress: wallet,
    paymentsAccepted: tokens,
    spec: '{n:p}',
    hostUri: '127.0.0.13:8443',
    certificate: 'pem',
    rewardWallet: ZeroAddress,
  });

  it('GIVEN bad registrations WHEN sent THEN NotAuthorized, InvalidAddress, ProviderAlreadyExists, TokenNotAccepted', async () => {
    const reg = f.stranger.c.ProviderRegistry;
    await expectRevert(
      'ProviderRegistry',
      reg.getFunction('addProvider')(params(DEV_WALLET.address, [])),
      'NotAuthorized',
    );
    await expectRevert(
      'ProviderRegistry',
      f.admin.c.ProviderRegistry.getFunction('addProvider')(params(ZeroAddress, [])),
      'InvalidAddress',
    );
    const p1 = f.providers[0]!;
    await expectRevert(
      'ProviderRegistry',
      p1.c.ProviderRegistry.getFunction('addProvider')(params(p1.address, [])),
      'ProviderAlreadyExists',
    );
    await expectRevert(
      'ProviderRegistry',
      reg.getFunction('addProvider')(params(f.stranger.address, [f.stranger.address])),
      'TokenNotAccepted',
    );
  });

  it('GIVEN unknown providers and bad admin values WHEN sent THEN ProviderNotFound, InvalidStatus, InvalidTier, NotAuthorized', async () => {
    await expectRevert(
      'ProviderRegistry',
      f.stranger.c.ProviderRegistry.getFunction('getProvider')(999n),
      'ProviderNotFound',
    );
    await expectRevert(
      'ProviderRegistry',
      f.stranger.c.ProviderRegistry.getFunction('updateProviderHostUri')('x:1'),
      'ProviderNotFound',
    );
    const p1 = f.providers[0]!.address;
    await expectRevert(
      'ProviderRegistry',
      f.admin.c.ProviderRegistry.getFunction('setProviderStatus')(p1, 6),
      'InvalidStatus',
    );
    await expectRevert(
      'ProviderRegistry',
      f.admin.c.ProviderRegistry.getFunction('updateProviderTier')(p1, 7),
      'InvalidTier',
    );
    await expectRevert(
      'ProviderRegistry',
      f.stranger.c.ProviderRegistry.getFunction('setProviderStatus')(p1, 3),
      'NotAuthorized',
    );
  });
});

describe('OrderRequest reverts', () => {
  it('GIVEN bad order details WHEN createOrder is sent THEN InvalidBlockNumber, InvalidAmount, InvalidAddress, InsufficientBalance', async () => {
    const o = f.tenant.c.OrderRequest;
    const ok = { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt };
    await expectRevert(
      'OrderRequest',
      o.getFunction('createOrder')(orderDetails({ ...ok, numOfBlocks: 0n })),
      'InvalidBlockNumber',
    );
    await expectRevert(
      'OrderRequest',
      o.getFunction('createOrder')(orderDetails({ ...ok, numOfBlocks: 31_536_001n })),
      'InvalidBlockNumber',
    );
    await expectRevert(
      'OrderRequest',
      o.getFunction('createOrder')(orderDetails({ ...ok, maxPrice: 0n })),
      'InvalidAmount',
    );
    await expectRevert(
      'OrderRequest',
      o.getFunction('createOrder')(orderDetails({ ...ok, token: f.stranger.address })),
      'InvalidAddress',
    );
    const [, unlocked] = await escrowOf(f, DEV_WALLET.address, f.usdt);
    await expectRevert(
      'OrderRequest',
      o.getFunction('createOrder')(
        orderDetails({ ...ok, maxPrice: 10n ** 18n, numOfBlocks: 1000n }),
      ),
      'InsufficientBalance',
      [unlocked, 1_000_000_000n],
    );
  });

  it('GIVEN orders in the wrong state or owner WHEN updated THEN OrderNotFound, UnAuthorized, OrderNotMatched, OrderNotOpened', async () => {
    const o = f.tenant.c.OrderRequest;
    const d = orderDetails({ maxPrice: MAX, numOfBlocks: 10n, token: f.usdt });
    await expectRevert('OrderRequest', o.getFunction('getOrderById')(999n), 'OrderNotFound');
    const open = await createOrder(f, { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt });
    await expectRevert(
      'OrderRequest',
      f.stranger.c.OrderRequest.getFunction('updateInitialOrder')(open, d),
      'UnAuthorized',
    );
    await expectRevert(
      'OrderRequest',
      o.getFunction('updateInitialOrder')(open, d),
      'OrderNotMatched',
    );
    const matched = await openLease(f, { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt }, MAX);
    await expectRevert(
      'OrderRequest',
      protocolActor.c.OrderRequest.getFunction('updateInitialOrderState')(
        matched,
        f.providers[0]!.address,
        MAX,
      ),
      'OrderNotOpened',
    );
    await expectRevert(
      'OrderRequest',
      o.getFunction('updateInitialOrder')(matched, { ...d, token: f.book.tokens[1]!.address }),
      'InvalidAddress',
    );
    await send(f.tenant.c.ComputeLease.getFunction('closeLease')(matched));
  });

  it('GIVEN a caller without the protocol role or admin WHEN it calls hooks or setters THEN NotAuthorized', async () => {
    await expectRevert(
      'OrderRequest',
      f.stranger.c.OrderRequest.getFunction('updateOrderStateToClosed')(1n),
      'NotAuthorized',
    );
    await expectRevert(
      'OrderRequest',
      f.stranger.c.OrderRequest.getFunction('setBlockNumberBounds')(1n, 2n),
      'NotAuthorized',
    );
  });
});

describe('ComputeLease reverts', () => {
  it('GIVEN leases closed, unknown or foreign WHEN closed THEN LeaseAlreadyTerminated, LeaseNotFound, OnlyTenantOrProvider, NotAuthorized', async () => {
    const id = await openLease(f, { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt }, MAX);
    await expectRevert(
      'ComputeLease',
      f.stranger.c.ComputeLease.getFunction('closeLease')(id),
      'OnlyTenantOrProvider',
    );
    await expectRevert(
      'ComputeLease',
      protocolActor.c.ComputeLease.getFunction('closeAndRenewLease')(id, MAX, f.stranger.address),
      'OnlyTenantOrProvider',
    );
    await send(f.tenant.c.ComputeLease.getFunction('closeLease')(id));
    await expectRevert(
      'ComputeLease',
      f.tenant.c.ComputeLease.getFunction('closeLease')(id),
      'LeaseAlreadyTerminated',
    );
    await expectRevert(
      'ComputeLease',
      f.tenant.c.ComputeLease.getFunction('closeLease')(999n),
      'LeaseNotFound',
    );
    await expectRevert(
      'ComputeLease',
      f.stranger.c.ComputeLease.getFunction('createLease')(id, MAX, f.stranger.address, 0n),
      'NotAuthorized',
    );
  });
});

describe('Bid reverts', () => {
  it('GIVEN bad bids WHEN placed THEN OrderNotFound, ProviderNotActive, FizzNodeNotActive, BidPriceExceedsMaxPrice, ProviderHasActiveBid', async () => {
    const p1 = f.providers[0]!;
    const id = await createOrder(f, { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt });
    await expectRevert('Bid', p1.c.Bid.getFunction('placeBid')(999n, 1n, 0n), 'OrderNotFound');
    await expectRevert(
      'Bid',
      f.unregistered.c.Bid.getFunction('placeBid')(id, 1n, 0n),
      'ProviderNotActive',
    );
    await expectRevert('Bid', p1.c.Bid.getFunction('placeBid')(id, 1n, 1n), 'FizzNodeNotActive');
    await expectRevert(
      'Bid',
      p1.c.Bid.getFunction('placeBid')(id, MAX + 1n, 0n),
      'BidPriceExceedsMaxPrice',
    );
    await send(p1.c.Bid.getFunction('placeBid')(id, MAX, 0n));
    await expectRevert(
      'Bid',
      p1.c.Bid.getFunction('placeBid')(id, MAX, 0n),
      'ProviderHasActiveBid',
    );
  });

  it('GIVEN bad matches WHEN sent THEN UnAuthourized, BidNotFound, OrderNotActive, BiddingClosed', async () => {
    const [p1, p2] = [f.providers[0]!, f.providers[1]!];
    const id = await createOrder(f, { maxPrice: MAX, numOfBlocks: 10n, token: f.usdt });
    await send(p1.c.Bid.getFunction('placeBid')(id, MAX, 0n));
    await expectRevert(
      'Bid',
      f.stranger.c.Bid.getFunction('matchOrder')(id, p1.address, MAX),
      'UnAuthourized',
    );
    await expectRevert(
      'Bid',
      f.matcher.c.Bid.getFunction('matchOrder')(id, p2.address, MAX),
      'BidNotFound',
    );
    await expectRevert(
      'Bid',
      f.matcher.c.Bid.getFunction('matchOrder')(id, p1.address, MAX + 1n),
      'BidPriceExceedsMaxPrice',
    );
    await expectRevert(
      'Bid',
      f.matcher.c.Bid.getFunction('matchOrder')(id, f.unregistered.address, MAX),
      'ProviderNotActive',
    );
    await send(f.matcher.c.Bid.getFunction('matchOrder')(id, p1.address, MAX));
    await expectRevert(
      'Bid',
      f.matcher.c.Bid.getFunction('matchOrder')(id, p1.address, MAX),
      'OrderNotActive',
    );
    await expectRevert('Bid', p2.c.Bid.getFunction('placeBid')(id, MAX, 0n), 'BiddingClosed');
    await send(f.tenant.c.ComputeLease.getFunction('closeLease')(id));
  });

  it('GIVEN bad update steps WHEN sent THEN UnAuthourized, NoPendingUpdate, UpdateOrderNotAccepted, LeaseNotActive, OrderNotFound', async () => {
    const [p1, p2] = [f.providers[0]!, f.providers[1]!];
    const id = await openLease(f, { maxPrice: MAX, numOfBlocks: 5n, token: f.usdt }, MAX);
    await expectRevert('Bid', p1.c.Bid.getFunction('acceptUpdate')(id), 'NoPendingUpdate');
    await expectRevert('Bid', p1.c.Bid.getFunction('acceptUpdate')(999n), 'OrderNotFound');
    await send(
      f.tenant.c.OrderRequest.getFunction('updateInitialOrder')(
        id,
        orderDetails({ maxPrice: MAX, numOfBlocks: 6n, token: f.usdt }),
      ),
    );
    await expectRevert('Bid', p2.c.Bid.getFunction('acceptUpdate')(id), 'UnAuthourized');
    await expectRevert(
      'Bid',
      p1.c.Bid.getFunction('updateOrder')(id, MAX),
      'UpdateOrderNotAccepted',
    );
    await send(p1.c.Bid.getFunction('acceptUpdate')(id));
    await expectRevert(
      'Bid',
      p1.c.Bid.getFunction('updateOrder')(id, MAX + 1n),
      'BidPriceExceedsMaxPrice',
    );
    await mine(f.rpc, 5);
    await expectRevert('Bid', p1.c.Bid.getFunction('updateOrder')(id, MAX), 'LeaseNotActive');
    await send(p1.c.ComputeLease.getFunction('closeLease')(id));
    await expectRevert('Bid', p1.c.Bid.getFunction('acceptUpdate')(id), 'LeaseNotActive');
  });
});

describe('Multicall3 reverts', () => {
  it('GIVEN a failing call that may not fail WHEN aggregated THEN CallFailed(index)', async () => {
    const data = f.tenant.c.OrderRequest.interface.encodeFunctionData('getOrderById', [999n]);
    const calls = [
      { target: f.book.contracts.OrderRequest, allowFailure: true, callData: data },
      { target: f.book.contracts.OrderRequest, allowFailure: false, callData: data },
    ];
    await expectRevert(
      'Multicall3',
      f.tenant.c.Multicall3.getFunction('aggregate3').staticCall(calls),
      'CallFailed',
      [1n],
    );
  });
});

describe('revert coverage', () => {
  it('GIVEN every contract ABI WHEN its custom errors are listed THEN each one was triggered above', () => {
    const all: string[] = [];
    for (const name of [
      'AccessControlManager',
      'TestToken',
      'TokenRegistry',
      'EscrowUser',
      'ProviderRegistry',
      'OrderRequest',
      'ComputeLease',
      'Bid',
      'Multicall3',
    ] as const) {
      iface(name).forEachError((e) => all.push(`${name}.${e.name}`));
    }
    expect(all.filter((e) => !seen.has(e)).sort()).toEqual([]);
  });
});
