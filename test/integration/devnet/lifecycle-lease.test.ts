import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { costOfBlocks } from '../../../wire/block-pricing.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { readUnmatchedReason } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import {
  authToken,
  createOrder,
  escrowOf,
  eventsSince,
  freshHome,
  manifest,
  orderDetails,
  orderSpec,
  providerBase,
  providerRequest,
  send,
  tenantOf,
  waitFor,
  workloadRoot,
} from './lifecycle-support.js';
import type { Tenant } from './lifecycle-support.js';

// The project-level testTimeout is ignored under `projects`; chain work needs more than 5 s.
jest.setTimeout(90_000);

// The whole lease lifecycle against one supervised devnet (anvil, matcher, 5 provider daemons),
// driven with plain ethers and HTTPS as any Spheron client would: no Leasehold planner involved.
const home = freshHome();
const DEPOSIT = 1_000_000_000n; // 1,000 USDT
const MAX_PRICE = 5_555_555_555_555_556n; // 10 USDT/h at 1800 blocks/h
const BLOCKS = 2_000n;
let info: DevnetInfo;
let t: Tenant;
let usdt: string;

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 200,
  });
  t = tenantOf(info);
  usdt = info.addressBook.tokens.find((x) => x.symbol === 'USDT')?.address ?? '';
  await send(
    t.c.token('USDT').getFunction('approve')(info.addressBook.contracts.EscrowUser, DEPOSIT),
  );
  await send(t.c.EscrowUser.getFunction('deposit')(usdt, DEPOSIT));
}, 120_000);

afterAll(async () => {
  t?.rpc.destroy();
  await stopDevnet({ home });
});

const providerNamed = (name: string): string =>
  info.providers.find((p) => p.name === name)?.address ?? 'missing';

async function matchedLease(orderId: bigint, fromBlock: number): Promise<unknown[]> {
  return waitFor(`OrderMatched(${orderId})`, async () => {
    const evs = await eventsSince(t, 'Bid', 'OrderMatched', fromBlock);
    return evs.find((e) => e[0] === orderId) ?? null;
  });
}

async function leaseStatus(
  base: string,
  id: bigint,
  want: (s: Record<string, unknown>) => boolean,
) {
  return waitFor(`lease ${id} status`, async () => {
    const res = await providerRequest(`${base}/lease/${id}/1/1/status`, {
      token: await authToken(t),
    });
    if (res.status !== 200) return null;
    const status = JSON.parse(res.body) as Record<string, unknown>;
    return want(status) ? status : null;
  });
}

const readyReplicas = (s: Record<string, unknown>): number =>
  Number((s['services'] as Record<string, { ready_replicas: number }>)['web']?.ready_replicas ?? 0);

describe('devnet lifecycle: order → match → manifest → ready → close → settled', () => {
  let orderId = 0n;
  let base = '';
  let price = 0n;
  let root: Record<string, unknown> = {};
  let status: Record<string, unknown> = {};

  it('GIVEN a funded tenant WHEN it orders in us-east THEN the matcher matches the cheaper us-east provider and locks escrow', async () => {
    const from = await t.rpc.getBlockNumber();
    const spec = orderSpec({ name: 'lifecycle', region: 'us-east' });
    orderId = await createOrder(
      t,
      orderDetails({ maxPrice: MAX_PRICE, blocks: BLOCKS, token: usdt, spec }),
    );
    const matched = await matchedLease(orderId, from);
    expect(matched[1]).toBe(providerNamed('atlantic-2'));
    const bids = (await t.c.Bid.getFunction('getAllBidsForOrder')(orderId)) as unknown[][];
    const bidders = bids.map((b) => b[1]).sort();
    expect(bidders).toEqual([providerNamed('atlantic-1'), providerNamed('atlantic-2')].sort());
    price = matched[4] as bigint;
    expect(price).toBe(bids.find((b) => b[1] === matched[1])?.[2]);
    expect(bids.every((b) => (b[2] as bigint) >= price)).toBe(true);
    const locked = costOfBlocks({ pricePerBlock: price, blocks: BLOCKS, decimals: 6 });
    expect(await escrowOf(t, usdt)).toEqual([locked, DEPOSIT - locked]);
    base = await providerBase(t, matched[1] as string);
  });

  it('GIVEN the lease WHEN the tenant PUTs the manifest THEN the status reaches ready and the workload answers', async () => {
    const put = await providerRequest(`${base}/deployment/${orderId}/manifest`, {
      method: 'PUT',
      token: await authToken(t),
      body: manifest({ image: 'ghcr.io/acme/web:1.0', env: ['MODE=green'] }),
    });
    expect(put.status).toBe(200);
    status = await leaseStatus(base, orderId, (s) => readyReplicas(s) === 1);
    root = await workloadRoot(status);
    expect(String(root['lease'])).toBe(String(orderId));
    expect(root['service']).toBe('web');
    expect(root['image']).toBe('ghcr.io/acme/web:1.0');
  });

  it('GIVEN the running lease WHEN the tenant closes it THEN escrow settles to the base unit and the workload is gone', async () => {
    const lease = (await t.c.ComputeLease.getFunction('leases')(orderId)) as unknown[];
    const receipt = await send(t.c.ComputeLease.getFunction('closeLease')(orderId));
    const elapsed = BigInt(receipt.blockNumber) - (lease[6] as bigint);
    const pay = costOfBlocks({ pricePerBlock: price, blocks: elapsed, decimals: 6 });
    expect(await escrowOf(t, usdt)).toEqual([0n, DEPOSIT - pay]);
    const earned = (await t.c.EscrowUser.getFunction('getProviderEarnings')(
      providerNamed('atlantic-2'),
      usdt,
    )) as unknown[];
    expect(earned[0]).toBe(pay);
    const fp = (
      status['forwarded_ports'] as Record<string, { host: string; externalPort: number }[]>
    )['web'];
    const url = `http://${fp?.[0]?.host ?? ''}:${fp?.[0]?.externalPort ?? 0}/`;
    await waitFor('workload teardown', async () => {
      const alive = await fetch(url).then(
        () => true,
        () => false,
      );
      return alive ? null : true;
    });
    const after = await providerRequest(`${base}/lease/${orderId}/1/1/status`, {
      token: await authToken(t),
    });
    expect(after.status).not.toBe(200);
  });
});

describe('devnet lifecycle: the update path', () => {
  it('GIVEN a running lease WHEN the tenant updates the order and sends a new manifest THEN LeaseUpdated follows and the workload shows the new image and env', async () => {
    const from = await t.rpc.getBlockNumber();
    const spec = orderSpec({ name: 'update', region: 'us-east' });
    const id = await createOrder(
      t,
      orderDetails({ maxPrice: MAX_PRICE, blocks: BLOCKS, token: usdt, spec }),
    );
    const matched = await matchedLease(id, from);
    const base = await providerBase(t, matched[1] as string);
    const put = (image: string, env: string[]) =>
      authToken(t).then((token) =>
        providerRequest(`${base}/deployment/${id}/manifest`, {
          method: 'PUT',
          token,
          body: manifest({ image, env }),
        }),
      );
    expect((await put('ghcr.io/acme/web:1.0', ['MODE=green'])).status).toBe(200);
    await leaseStatus(base, id, (s) => readyReplicas(s) === 1);

    const updateFrom = await t.rpc.getBlockNumber();
    const newMax = MAX_PRICE - 1n;
    await send(
      t.c.OrderRequest.getFunction('updateInitialOrder')(
        id,
        orderDetails({ maxPrice: newMax, blocks: BLOCKS, token: usdt, spec }),
      ),
    );
    await waitFor('UpdateRequestAccepted', async () => {
      const evs = await eventsSince(t, 'Bid', 'UpdateRequestAccepted', updateFrom);
      return evs.find((e) => e[0] === id) ?? null;
    });
    expect((await put('ghcr.io/acme/web:2.0', ['MODE=blue', 'FEATURE_X=on'])).status).toBe(200);
    const updated = await waitFor('LeaseUpdated', async () => {
      const evs = await eventsSince(t, 'Bid', 'LeaseUpdated', updateFrom);
      return evs.find((e) => e[0] === id) ?? null;
    });
    expect(updated[1]).toBe(matched[1]);
    expect(updated[2]).toBe(t.wallet.address);
    expect((updated[3] as bigint) <= newMax).toBe(true);
    const status = await leaseStatus(base, id, (s) => readyReplicas(s) === 1);
    const root = await waitFor('new image', async () => {
      const r = await workloadRoot(status).catch(() => null);
      return r !== null && r['image'] === 'ghcr.io/acme/web:2.0' ? r : null;
    });
    expect(root['env']).toEqual(expect.arrayContaining(['MODE', 'FEATURE_X']));
  });
});

describe('devnet lifecycle: an order nobody can serve', () => {
  it('GIVEN an order in a region no provider has WHEN the window passes THEN it stays open and the matcher says why', async () => {
    const spec = orderSpec({ name: 'nowhere', region: 'ap-south' });
    const id = await createOrder(
      t,
      orderDetails({ maxPrice: MAX_PRICE, blocks: 100n, token: usdt, spec }),
    );
    const report = await waitFor('unmatched reason', async () => {
      const r = await readUnmatchedReason({ home, orderId: id });
      return r.reason === null ? null : r;
    });
    expect(report.reason).toContain('region=ap-south (0/5)');
    const order = (await t.c.OrderRequest.getFunction('getOrderById')(id)) as unknown[];
    expect(order[5]).toBe(0n);
    expect((await t.c.Bid.getFunction('getAllBidsForOrder')(id)) as unknown[]).toEqual([]);
  });
});

describe('devnet registry: providers as the config describes them', () => {
  it('GIVEN a started devnet THEN every provider is registered active with its configured tier and host', async () => {
    for (const p of info.providers) {
      const onChain = await t.c.ProviderRegistry.getFunction('getProviderByAddress')(p.address);
      expect({
        name: p.name,
        hostUri: onChain[1],
        status: Number(onChain[4]),
        tier: Number(onChain[5]),
      }).toEqual({
        name: p.name,
        hostUri: p.hostUri,
        status: 2,
        tier: p.tier,
      });
    }
  });
});
