import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProviderDaemon } from '../../../devnet/provider-daemon/index.js';
import {
  bidAndMatch,
  callProvider,
  callWorkload,
  createOrder,
  leaseState,
  orderDetails,
  putManifest,
  send,
  startProviderFixture,
  waitFor,
  waitReady,
  webManifest,
  webSpec,
} from './provider-fixture.js';
import type { ProviderFixture } from './provider-fixture.js';

let f: ProviderFixture;
let p1: ProviderDaemon;
const dataDir = mkdtempSync(join(tmpdir(), 'lh-provider-life-'));

beforeAll(async () => {
  f = await startProviderFixture();
  p1 = await f.startProvider(1, { dataDir });
});

afterAll(async () => {
  await f.stop();
});

describe('provider daemon on a real chain', () => {
  let leaseId = 0n;

  it('GIVEN a fresh chain WHEN the daemon starts THEN it is registered with its loopback host and PEM', async () => {
    expect(p1.hostUri).toMatch(/^127\.0\.0\.11:\d+$/);
    const info = (await f.tenant.c.ProviderRegistry.getFunction('getProviderByAddress')(
      p1.address,
    )) as unknown[];
    expect(info[1]).toBe(p1.hostUri);
    expect(String(info[2])).toContain('BEGIN CERTIFICATE');
    expect(Number(info[4])).toBe(2);
  });

  it('GIVEN an order for it WHEN created THEN it bids, is matched, takes the manifest and serves the workload', async () => {
    leaseId = await createOrder(f, webSpec('life', p1.address, 2));
    const price = await bidAndMatch(f, leaseId, p1.address);
    expect(price).toBeGreaterThan(0n);
    const put = await putManifest(
      f,
      p1.hostUri,
      leaseId,
      webManifest('shop/web:1', ['MODE=blue', 'TOKEN=s3cret'], 2),
    );
    expect(put).toEqual({ status: 200, body: '' });
    const status = await waitReady(f, p1.hostUri, leaseId, 2);
    const ports = status.forwarded_ports?.['web'] ?? [];
    expect(ports).toHaveLength(2);
    const hello = JSON.parse((await callWorkload(ports[0]?.externalPort ?? 0)).body) as Record<
      string,
      unknown
    >;
    expect(hello).toMatchObject({
      lease: leaseId.toString(),
      service: 'web',
      image: 'shop/web:1',
      env: ['MODE', 'TOKEN'],
    });
  });

  it('GIVEN the lease WHEN /status is read THEN the inventory lists it with its usage', async () => {
    const inv = JSON.parse(
      (await callProvider(f, p1.hostUri, 'GET', '/status', undefined, false)).body,
    ) as {
      used: { cpuMillis: number };
      leases: { leaseId: string }[];
    };
    expect(inv.used.cpuMillis).toBe(1000);
    expect(inv.leases.map((l) => l.leaseId)).toContain(leaseId.toString());
  });

  it('GIVEN an update request WHEN the provider accepts and gets the new manifest THEN updateOrder runs and the workload shows it', async () => {
    const from = await f.rpc.getBlockNumber();
    await send(
      f.tenant.c.OrderRequest.getFunction('updateInitialOrder')(
        leaseId,
        orderDetails(f, webSpec('life', p1.address, 1)),
      ),
    );
    await waitFor('UpdateRequestAccepted', async () => {
      const ok = (await f.tenant.c.Bid.getFunction('orderUpdateAcceptance')(
        p1.address,
        leaseId,
      )) as boolean;
      return ok ? true : undefined;
    });
    const put = await putManifest(
      f,
      p1.hostUri,
      leaseId,
      webManifest('shop/web:2', ['MODE=green', 'EXTRA=1'], 1),
    );
    expect(put.status).toBe(200);
    await waitFor('LeaseUpdated', async () => {
      const logs = await f.tenant.c.Bid.queryFilter(
        f.tenant.c.Bid.filters['LeaseUpdated']?.() ?? '*',
        from,
      );
      return logs.length > 0 ? logs : undefined;
    });
    const status = await waitReady(f, p1.hostUri, leaseId, 1);
    const port = status.forwarded_ports?.['web']?.[0]?.externalPort ?? 0;
    expect(JSON.parse((await callWorkload(port)).body)).toMatchObject({
      image: 'shop/web:2',
      env: ['MODE', 'EXTRA'],
    });
  });

  it('GIVEN a running lease WHEN the daemon restarts THEN it keeps its host, stays registered and restores the workload', async () => {
    const before = p1.hostUri;
    await p1.stop();
    p1 = await f.startProvider(1, { dataDir });
    expect(p1.hostUri).toBe(before);
    const status = await waitReady(f, p1.hostUri, leaseId, 1);
    const port = status.forwarded_ports?.['web']?.[0]?.externalPort ?? 0;
    expect(JSON.parse((await callWorkload(port)).body)).toMatchObject({ image: 'shop/web:2' });
  });

  it('GIVEN the tenant closes the lease THEN the workload listener is gone and the lease routes answer 404', async () => {
    const status = await waitReady(f, p1.hostUri, leaseId, 1);
    const port = status.forwarded_ports?.['web']?.[0]?.externalPort ?? 0;
    await send(f.tenant.c.ComputeLease.getFunction('closeLease')(leaseId));
    expect(await leaseState(f, leaseId)).toBe(1);
    await waitFor('listener gone', async () =>
      callWorkload(port).then(
        () => undefined,
        () => true,
      ),
    );
    expect((await callProvider(f, p1.hostUri, 'GET', `/lease/${leaseId}/1/1/status`)).status).toBe(
      404,
    );
  });

  it('GIVEN an order it cannot serve WHEN created THEN it refuses with the reason instead of bidding', async () => {
    const spec = {
      ...webSpec('elsewhere', p1.address),
      placement: [{ key: 'region', value: 'ap-south' }],
    };
    const id = await createOrder(f, spec);
    const refusal = await waitFor('refusal', async () => f.refusals.find((r) => r.orderId === id));
    expect(refusal.reason).toBe('region=ap-south');
    expect((await f.tenant.c.Bid.getFunction('getAllBidsForOrder')(id)) as unknown[]).toHaveLength(
      0,
    );
  });
});
