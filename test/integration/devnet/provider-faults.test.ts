import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ProviderDaemon } from '../../../devnet/provider-daemon/index.js';
import {
  bidAndMatch,
  callProvider,
  callWorkload,
  createOrder,
  leaseState,
  putManifest,
  startProviderFixture,
  waitFor,
  waitReady,
  webManifest,
  webSpec,
} from './provider-fixture.js';
import type { ProviderFixture, StatusView } from './provider-fixture.js';

let f: ProviderFixture;
let p2: ProviderDaemon;
let p5: ProviderDaemon;

beforeAll(async () => {
  f = await startProviderFixture();
  p2 = await f.startProvider(2);
  // Provider 5 gives up on a missing manifest after one second.
  p5 = await f.startProvider(5, { manifestTimeoutMs: 1000 });
});

afterAll(async () => {
  await f.stop();
});

/** A running one-replica lease on provider 2 and its workload port. */
async function runningLease(
  name: string,
  numOfBlocks = 1000n,
): Promise<{ id: bigint; port: number }> {
  const id = await createOrder(f, webSpec(name, p2.address), numOfBlocks);
  await bidAndMatch(f, id, p2.address);
  expect((await putManifest(f, p2.hostUri, id, webManifest(`${name}:1`, []))).status).toBe(200);
  const s = await waitReady(f, p2.hostUri, id);
  return { id, port: s.forwarded_ports?.['web']?.[0]?.externalPort ?? 0 };
}

describe('provider faults', () => {
  it('GIVEN unhealthy on one lease WHEN its workload is called THEN 500 except /metrics; other leases stay healthy', async () => {
    const a = await runningLease('sick');
    const b = await runningLease('fine');
    p2.setFault('unhealthy', { leaseId: a.id });
    expect((await callWorkload(a.port, '/healthz')).status).toBe(500);
    expect((await callWorkload(a.port, '/metrics')).status).toBe(200);
    expect((await callWorkload(b.port, '/healthz')).status).toBe(200);
    p2.clearFaults();
    expect((await callWorkload(a.port, '/healthz')).status).toBe(200);
  });

  it('GIVEN slow WHEN the workload is called THEN a later /metrics answers first', async () => {
    const a = await runningLease('slow');
    p2.setFault('slow');
    const order: string[] = [];
    const served = async (): Promise<number> =>
      Number(
        /^http_requests_total\S* (\d+)$/m.exec((await callWorkload(a.port, '/metrics')).body)?.[1],
      );
    const before = await served();
    const slow = callWorkload(a.port, '/').then(() => order.push('slow'));
    // /metrics answers while the slow request is still held: it already counts it.
    await waitFor('the slow request counted by /metrics', async () => (await served()) > before);
    order.push('metrics');
    p2.clearFaults();
    await slow;
    expect(order).toEqual(['metrics', 'slow']);
  });

  it('GIVEN crash WHEN set THEN replicas restart (restartCount rises) and are ready again after clear', async () => {
    const a = await runningLease('crashy');
    p2.setFault('crash', { leaseId: a.id });
    const crashed = await waitFor('a restart', async () => {
      const r = await callProvider(f, p2.hostUri, 'GET', `/lease/${a.id}/1/1/status`);
      const s = JSON.parse(r.body) as StatusView;
      return (s.services['web']?.container_statuses[0]?.restartCount ?? 0) >= 1 ? s : undefined;
    });
    expect(crashed.services['web']?.container_statuses[0]?.restartCount).toBeGreaterThanOrEqual(1);
    p2.clearFaults();
    const s = await waitReady(f, p2.hostUri, a.id);
    expect((await callWorkload(s.forwarded_ports?.['web']?.[0]?.externalPort ?? 0)).status).toBe(
      200,
    );
  });

  it('GIVEN offline WHEN the provider API is called THEN the connection is refused; clear brings it back', async () => {
    p2.setFault('offline');
    await waitFor('API down', () =>
      callProvider(f, p2.hostUri, 'GET', '/version', undefined, false).then(
        () => undefined,
        () => true,
      ),
    );
    p2.clearFaults();
    const r = await waitFor('API up', () =>
      callProvider(f, p2.hostUri, 'GET', '/version', undefined, false).then(
        (x) => x,
        () => undefined,
      ),
    );
    expect(r.status).toBe(200);
  });

  it('GIVEN no-bid WHEN an order it could serve is created THEN it reports the fault and does not bid', async () => {
    p2.setFault('no-bid');
    const id = await createOrder(f, webSpec('nobid', p2.address));
    const refusal = await waitFor('refusal', async () =>
      f.refusals.find((r) => r.orderId === id && r.provider === 'atlantic-2'),
    );
    p2.clearFaults();
    expect(refusal.reason).toBe('fault no-bid');
    expect((await f.tenant.c.Bid.getFunction('getAllBidsForOrder')(id)) as unknown[]).toHaveLength(
      0,
    );
  });

  it('GIVEN reject-manifest WHEN the manifest is PUT THEN 422 with the reason', async () => {
    const id = await createOrder(f, webSpec('reject', p2.address));
    await bidAndMatch(f, id, p2.address);
    p2.setFault('reject-manifest', { leaseId: id });
    const r = await putManifest(f, p2.hostUri, id, webManifest('reject:1', []));
    p2.clearFaults();
    expect(r.status).toBe(422);
    expect(r.body).toContain('reject-manifest');
  });

  it('GIVEN a lease whose manifest never comes WHEN the timeout passes THEN the provider closes it', async () => {
    const id = await createOrder(f, webSpec('orphan', p5.address));
    await bidAndMatch(f, id, p5.address);
    expect(await leaseState(f, id)).toBe(0);
    await waitFor('lease closed by the provider', async () =>
      (await leaseState(f, id)) === 1 ? true : undefined,
    );
    expect(f.logs.some((l) => l.includes(`lease ${id}: no manifest within 1000 ms`))).toBe(true);
  });

  it('GIVEN a lease whose paid blocks run out WHEN blocks are mined THEN the provider closes it and tears it down', async () => {
    const a = await runningLease('short', 5n);
    await f.rpc.send('anvil_mine', ['0x6']);
    await waitFor('expired lease closed', async () =>
      (await leaseState(f, a.id)) === 1 ? true : undefined,
    );
    await waitFor('listener gone', () =>
      callWorkload(a.port).then(
        () => undefined,
        () => true,
      ),
    );
    expect(await leaseState(f, a.id)).toBe(1);
    expect(
      f.logs.some((l) => new RegExp(`lease ${a.id}: expired at block \\d+, closing`).test(l)),
    ).toBe(true);
    await expect(callWorkload(a.port)).rejects.toThrow();
  });
});
