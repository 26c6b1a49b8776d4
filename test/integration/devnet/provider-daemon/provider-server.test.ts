import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:https';
import { get as httpGet } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import WebSocket from 'ws';
import { loadOrCreateCertificate } from '../../../../devnet/provider-daemon/certificate.js';
import { FaultBoard } from '../../../../devnet/provider-daemon/fault-board.js';
import { LeaseRegistry } from '../../../../devnet/provider-daemon/lease-registry.js';
import type { ProviderBackend } from '../../../../devnet/provider-daemon/provider-backend.js';
import { startProviderServer } from '../../../../devnet/provider-daemon/provider-server.js';
import type { ProviderServer } from '../../../../devnet/provider-daemon/provider-server.js';
import { createAuthToken, decodeOrderSpec } from '../../../../wire/index.js';
import type { ProviderConfig } from '../../../../devnet/config/load-provider-config.js';
import { waitFor } from '../../../support/wait-for.js';

// Public anvil test keys: account 0 is the tenant, account 9 a stranger.
const tenant = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const stranger = new Wallet('0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6');
const NOW = 1_800_000_000;

const config: ProviderConfig = {
  name: 'unit-1',
  index: 1,
  region: 'us-east',
  tier: 1,
  port: 0,
  prices: { cpuCoreHour: '0.10', memoryGiBHour: '0.01', gpuHour: '0' },
  gpus: [],
  capacity: { cpuCores: 4, memoryGiB: 8, storageGiB: 16 },
  tokens: ['USDT'],
  capacityRps: 10,
  secondsPerBlock: 1,
};

const SPEC = decodeOrderSpec(
  '{n:shop,pr:{a:[{k:region,v:us-east}]},s:[{n:web,r:{i:1,c:{u:500,a:[]},m:{u:536870912,a:[]},s:[{n:default,a:[],u:1073741824}],g:{a:[],u:0},e:[{k:1,s:0}]},c:2}]}',
);
const manifest = (image: string, count = 2, env = ['GREETING=hi', 'API_KEY=s3cret']): unknown => [
  {
    name: 'shop',
    services: [
      {
        name: 'web',
        image,
        env,
        resources: {
          id: 1,
          cpu: { units: { val: '500' } },
          memory: { size: { val: '536870912' } },
          storage: [{ name: 'default', size: { val: '1073741824' } }],
        },
        count,
        expose: [
          { port: 8080, externalPort: 80, proto: 'TCP', service: '', global: true, hosts: null },
        ],
      },
    ],
  },
];

interface Reply {
  status: number;
  body: string;
}

let dir: string;
let server: ProviderServer;
let registry: LeaseRegistry;
const faults = new FaultBoard();

function call(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = async (w: Wallet = tenant, at = NOW): Promise<Record<string, string>> => ({
  'Auth-Spheron': await createAuthToken(w, at),
});

function httpJson(port: number, path = '/'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leasehold-provider-'));
  registry = new LeaseRegistry({ config, dataDir: dir, startDelayMs: 50, faults });
  registry.track({
    leaseId: 7n,
    tenant: tenant.address,
    spec: SPEC,
    demand: { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: {} },
  });
  const backend: ProviderBackend = {
    lookupLease: async (id) => {
      const l = registry.get(id);
      return l === undefined ? null : { leaseId: id, tenant: l.tenant, active: true };
    },
    putManifest: (id, body) => registry.applyManifest(id, body),
    workload: (id) => registry.get(id)?.workload ?? undefined,
    inventory: () => ({ used: registry.used() }),
    faults,
    address: '0x0000000000000000000000000000000000000001',
    nowSeconds: () => NOW,
  };
  const cert = await loadOrCreateCertificate(dir, '127.0.0.1');
  server = await startProviderServer({
    host: '127.0.0.1',
    port: 0,
    ...cert,
    backend,
    version: { akash: { version: 'devnet' } },
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  await registry.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('provider API auth matrix', () => {
  it('GIVEN no Auth-Spheron header WHEN a lease route is called THEN 401', async () => {
    expect((await call('GET', '/lease/7/1/1/status')).status).toBe(401);
    expect((await call('PUT', '/deployment/7/manifest', {}, '[]')).status).toBe(401);
  });

  it('GIVEN a malformed header THEN 400', async () => {
    expect(
      (await call('GET', '/lease/7/1/1/status', { 'Auth-Spheron': 'bm90IGpzb24=' })).status,
    ).toBe(400);
  });

  it('GIVEN a stale token THEN 403', async () => {
    expect((await call('GET', '/lease/7/1/1/status', await auth(tenant, NOW - 31))).status).toBe(
      403,
    );
  });

  it('GIVEN a token of another wallet THEN 403', async () => {
    expect((await call('GET', '/lease/7/1/1/status', await auth(stranger))).status).toBe(403);
  });

  it('GIVEN an unknown lease THEN 404', async () => {
    expect((await call('GET', '/lease/8/1/1/status', await auth())).status).toBe(404);
    expect((await call('PUT', '/deployment/8/manifest', await auth(), '[]')).status).toBe(404);
  });

  it('GIVEN the tenant before any manifest WHEN status is asked THEN 404', async () => {
    expect((await call('GET', '/lease/7/1/1/status', await auth())).status).toBe(404);
  });

  it('GIVEN unauthenticated routes THEN /version and /status answer 200', async () => {
    expect((await call('GET', '/version')).status).toBe(200);
    expect(JSON.parse((await call('GET', '/status')).body)).toHaveProperty('used');
  });
});

describe('provider API deployment', () => {
  it('GIVEN invalid JSON or an invalid manifest WHEN PUT THEN 422', async () => {
    expect((await call('PUT', '/deployment/7/manifest', await auth(), '{oops')).status).toBe(422);
    const bad = await call(
      'PUT',
      '/deployment/7/manifest',
      await auth(),
      JSON.stringify([{ name: 'x', services: [] }]),
    );
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('devnet-provider/manifest-invalid');
  });

  it('GIVEN a manifest over capacity WHEN PUT THEN 422 insufficient capacity', async () => {
    const r = await call(
      'PUT',
      '/deployment/7/manifest',
      await auth(),
      JSON.stringify(manifest('nginx:1', 9)),
    );
    expect(r.status).toBe(422);
    expect(r.body).toContain('devnet-provider/insufficient-capacity');
  });

  it('GIVEN a valid manifest WHEN PUT THEN 200 and replicas become ready behind real listeners', async () => {
    const put = await call(
      'PUT',
      '/deployment/7/manifest',
      await auth(),
      JSON.stringify(manifest('nginx:1')),
    );
    expect(put).toEqual({ status: 200, body: '' });
    const seen = new Set<number>();
    const status = await waitFor('two ready replicas', async () => {
      const s = JSON.parse((await call('GET', '/lease/7/1/1/status', await auth())).body) as {
        services: Record<string, { ready_replicas: number; total: number }>;
        forwarded_ports: Record<
          string,
          { host: string; port: number; externalPort: number; proto: string; name: string }[]
        > | null;
      };
      seen.add(s.services['web']?.ready_replicas ?? -1);
      return s.services['web']?.ready_replicas === 2 ? s : undefined;
    });
    expect(seen.has(2)).toBe(true);
    expect(status.services['web']?.total).toBe(2);
    const ports = status.forwarded_ports?.['web'] ?? [];
    expect(ports).toHaveLength(2);
    expect(ports[0]).toMatchObject({ host: '127.0.0.1', port: 8080, proto: 'TCP', name: 'web' });
    const hello = await httpJson(ports[0]?.externalPort ?? 0);
    expect(hello.status).toBe(200);
    expect(JSON.parse(hello.body)).toMatchObject({
      lease: '7',
      service: 'web',
      image: 'nginx:1',
      env: ['GREETING', 'API_KEY'],
    });
    expect(hello.body).not.toContain('s3cret');
    const metrics = await httpJson(ports[0]?.externalPort ?? 0, '/metrics');
    expect(metrics.body).toMatch(/http_requests_total\{[^}]*\} 1\n/);
    expect(metrics.body).toContain('cpu_utilization_percent');
    expect(metrics.body).toContain('process_start_time_seconds');
  });

  it('GIVEN a running lease WHEN the service status is asked THEN one ServiceStatus, 404 for another service', async () => {
    const r = await call('GET', '/lease/7/1/1/service/web/status', await auth());
    expect(JSON.parse(r.body)).toMatchObject({ name: 'web', ready_replicas: 2 });
    expect((await call('GET', '/lease/7/1/1/service/db/status', await auth())).status).toBe(404);
  });

  it('GIVEN a running lease WHEN logs are read with tail THEN {name, message} frames arrive then the socket closes', async () => {
    const frames: { name: string; message: string }[] = [];
    const ws = new WebSocket(
      `wss://127.0.0.1:${server.port}/lease/7/1/1/logs?follow=false&tail=2&service=web`,
      {
        headers: await auth(),
        rejectUnauthorized: false,
      },
    );
    ws.on('message', (m: Buffer) =>
      frames.push(JSON.parse(m.toString()) as { name: string; message: string }),
    );
    const code = await new Promise<number>((resolve) => ws.on('close', (c: number) => resolve(c)));
    expect(code).toBe(1000);
    expect(frames).toHaveLength(2);
    expect(frames[0]?.name).toMatch(/^web-[01]$/);
  });

  it('GIVEN a follow socket WHEN the workload serves a request THEN the line is pushed', async () => {
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}/lease/7/1/1/logs?follow=true&tail=0`, {
      headers: await auth(),
      rejectUnauthorized: false,
    });
    await new Promise((r) => ws.on('open', r));
    const line = new Promise<string>((resolve) =>
      ws.on('message', (m: Buffer) => resolve(m.toString())),
    );
    const status = JSON.parse((await call('GET', '/lease/7/1/1/status', await auth())).body) as {
      forwarded_ports: Record<string, { externalPort: number }[]>;
    };
    await httpJson(status.forwarded_ports['web']?.[0]?.externalPort ?? 0, '/healthz');
    expect(JSON.parse(await line)).toMatchObject({ message: 'GET /healthz 200' });
    ws.close();
  });

  it('GIVEN no auth on the logs socket THEN the upgrade is refused with 401', async () => {
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}/lease/7/1/1/logs`, {
      rejectUnauthorized: false,
    });
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('GIVEN the reject-manifest fault WHEN PUT THEN 422 with the reason, and clear restores it', async () => {
    faults.set('reject-manifest');
    const r = await call(
      'PUT',
      '/deployment/7/manifest',
      await auth(),
      JSON.stringify(manifest('nginx:2')),
    );
    expect(r.status).toBe(422);
    expect(r.body).toContain('reject-manifest');
    faults.clear();
  });

  it('GIVEN a new manifest WHEN re-PUT THEN the workload shows the new image and env', async () => {
    const put = await call(
      'PUT',
      '/deployment/7/manifest',
      await auth(),
      JSON.stringify(manifest('nginx:2', 1, ['NEW_KEY=1'])),
    );
    expect(put.status).toBe(200);
    const port = await waitFor('new replica', async () => {
      const s = JSON.parse((await call('GET', '/lease/7/1/1/status', await auth())).body) as {
        forwarded_ports: Record<string, { externalPort: number }[]> | null;
      };
      return s.forwarded_ports?.['web']?.[0]?.externalPort;
    });
    expect(JSON.parse((await httpJson(port)).body)).toMatchObject({
      image: 'nginx:2',
      env: ['NEW_KEY'],
    });
  });

  it('GIVEN the offline fault WHEN the API is called THEN the connection is refused, and comes back online', async () => {
    await server.goOffline();
    await expect(call('GET', '/version')).rejects.toThrow(/ECONNREFUSED/);
    await server.goOnline();
    expect((await call('GET', '/version')).status).toBe(200);
  });

  it('GIVEN a removed lease WHEN its listener is called THEN it is gone and logs say no running pods', async () => {
    const s = JSON.parse((await call('GET', '/lease/7/1/1/status', await auth())).body) as {
      forwarded_ports: Record<string, { externalPort: number }[]>;
    };
    const port = s.forwarded_ports['web']?.[0]?.externalPort ?? 0;
    await registry.get(7n)?.workload?.stop();
    await expect(httpJson(port)).rejects.toThrow(/ECONNREFUSED/);
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}/lease/7/1/1/logs`, {
      headers: await auth(),
      rejectUnauthorized: false,
    });
    const closed = await new Promise<[number, string]>((resolve) =>
      ws.on('close', (c: number, r: Buffer) => resolve([c, r.toString()])),
    );
    expect(closed).toEqual([4000, 'no running pods']);
  });
});
