import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startDevnet } from '../../../devnet/ensure-devnet.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import {
  authToken,
  createOrder,
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
jest.setTimeout(120_000);

// `down` then `up` keeps the chain (anvil --state) and the provider restores the running workload
// from the chain and its data dir: the lease is still served afterwards.
const home = freshHome();
const opts = { home, log: () => undefined, blockTime: 0.25, port: 0, startDelayMs: 100 } as const;
let first: DevnetInfo;

beforeAll(async () => {
  first = (await startDevnet(opts)).info;
}, 120_000);

afterAll(async () => {
  await stopDevnet({ home });
});

async function readyStatus(t: Tenant, base: string, id: bigint): Promise<Record<string, unknown>> {
  return waitFor(`lease ${id} ready`, async () => {
    const res = await providerRequest(`${base}/lease/${id}/1/1/status`, {
      token: await authToken(t),
    });
    if (res.status !== 200) return null;
    const s = JSON.parse(res.body) as { services: Record<string, { ready_replicas: number }> };
    return s.services['web']?.ready_replicas === 1
      ? (s as unknown as Record<string, unknown>)
      : null;
  });
}

describe('devnet persistence across down and up', () => {
  it('GIVEN a serving lease WHEN the devnet goes down and up THEN the chain, the book and the lease survive and it serves again', async () => {
    const t1 = tenantOf(first);
    const usdt = first.addressBook.tokens.find((x) => x.symbol === 'USDT')?.address ?? '';
    const amount = 100_000_000n;
    await send(
      t1.c.token('USDT').getFunction('approve')(first.addressBook.contracts.EscrowUser, amount),
    );
    await send(t1.c.EscrowUser.getFunction('deposit')(usdt, amount));
    const from = await t1.rpc.getBlockNumber();
    const spec = orderSpec({ name: 'persist', region: 'us-west' });
    const id = await createOrder(
      t1,
      orderDetails({ maxPrice: 5_555_555_555_555_556n, blocks: 5_000n, token: usdt, spec }),
    );
    const matched = await waitFor('OrderMatched', async () => {
      const evs = await eventsSince(t1, 'Bid', 'OrderMatched', from);
      return evs.find((e) => e[0] === id) ?? null;
    });
    const base1 = await providerBase(t1, matched[1] as string);
    const put = await providerRequest(`${base1}/deployment/${id}/manifest`, {
      method: 'PUT',
      token: await authToken(t1),
      body: manifest({ image: 'ghcr.io/acme/keep:1', env: ['KEEP=1'] }),
    });
    expect(put.status).toBe(200);
    expect((await workloadRoot(await readyStatus(t1, base1, id)))['image']).toBe(
      'ghcr.io/acme/keep:1',
    );
    const blockBefore = await t1.rpc.getBlockNumber();
    t1.rpc.destroy();

    expect((await stopDevnet({ home })).wasRunning).toBe(true);
    const again = await startDevnet(opts);
    expect(again.started).toBe(true);
    expect(again.info.pid).not.toBe(first.pid);
    expect(again.info.addressBook).toEqual(first.addressBook);

    const t2 = tenantOf(again.info);
    try {
      expect(await t2.rpc.getBlockNumber()).toBeGreaterThanOrEqual(blockBefore);
      const lease = (await t2.c.ComputeLease.getFunction('leases')(id)) as unknown[];
      expect(lease[9]).toBe(0n);
      const base2 = await providerBase(t2, matched[1] as string);
      const root = await waitFor('restored workload', async () =>
        workloadRoot(await readyStatus(t2, base2, id)).catch(() => null),
      );
      expect(root['image']).toBe('ghcr.io/acme/keep:1');
      expect(String(root['lease'])).toBe(String(id));
    } finally {
      t2.rpc.destroy();
    }
  });
});
