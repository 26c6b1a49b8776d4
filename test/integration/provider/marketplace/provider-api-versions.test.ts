import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { loadOrCreateCertificate } from '../../../../devnet/provider-daemon/certificate.js';
import { FaultBoard } from '../../../../devnet/provider-daemon/fault-board.js';
import { LeaseRegistry } from '../../../../devnet/provider-daemon/lease-registry.js';
import type { ProviderBackend } from '../../../../devnet/provider-daemon/provider-backend.js';
import { startProviderServer } from '../../../../devnet/provider-daemon/provider-server.js';
import type {
  ProviderApiSupport,
  ProviderServer,
} from '../../../../devnet/provider-daemon/provider-server.js';
import type { ProviderConfig } from '../../../../devnet/config/load-provider-config.js';
import { createProviderClient } from '../../../../provider/marketplace/provider-client.js';
import type { ProviderEndpoint } from '../../../../provider/marketplace/marketplace-types.js';
import { createAuthToken, decodeOrderSpec } from '../../../../wire/index.js';
import { toCompactManifest } from '../../../../wire/compact-manifest.js';
import type { Manifest } from '../../../../wire/manifest.js';
import { waitFor } from '../../../support/wait-for.js';

// The version-aware client against the devnet's provider API served as v1 only, v2 only and both
// (one registry, so one lease is reachable through all three): reads land on the version each
// provider speaks, the choice is remembered, and stale tokens are refused as real providers do.

// A public anvil test key (account 0) as the tenant.
const tenant = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const now = (): number => Math.floor(Date.now() / 1000);

const config: ProviderConfig = {
  name: 'versions-1',
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
  '{n:shop,pr:{a:[]},s:[{n:web,r:{i:1,c:{u:500,a:[]},m:{u:536870912,a:[]},s:[{n:default,a:[],u:1073741824}],g:{a:[],u:0},e:[{k:1,s:0}]},c:2}]}',
);
const MANIFEST: Manifest = [
  {
    name: 'shop',
    services: [
      {
        name: 'web',
        image: 'nginx:1',
        env: ['GREETING=hi'],
        resources: {
          id: 1,
          cpu: { units: { val: '500' } },
          memory: { size: { val: '536870912' } },
          storage: [{ name: 'default', size: { val: '1073741824' } }],
        },
        count: 2,
        expose: [
          { port: 8080, externalPort: 80, proto: 'TCP', service: '', global: true, hosts: null },
        ],
      },
    ],
  },
];

let dir: string;
let registry: LeaseRegistry;
let cert: string;
const servers = new Map<ProviderApiSupport, ProviderServer>();

const endpoint = (api: ProviderApiSupport): ProviderEndpoint => ({
  address: `0x00000000000000000000000000000000000000${api === 'v1' ? '01' : api === 'v2' ? '02' : '03'}`,
  hostUri: `127.0.0.1:${servers.get(api)?.port ?? 0}`,
  certificate: cert,
});

function raw(api: ProviderApiSupport, method: string, path: string, token: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: servers.get(api)?.port,
        method,
        path,
        headers: { 'Auth-Spheron': token },
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
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lh-api-versions-'));
  const faults = new FaultBoard();
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
    nowSeconds: now,
  };
  const tls = await loadOrCreateCertificate(dir, '127.0.0.1');
  cert = tls.cert;
  for (const api of ['v1', 'v2', 'both'] as const) {
    servers.set(
      api,
      await startProviderServer({
        host: '127.0.0.1',
        port: 0,
        ...tls,
        backend,
        version: { akash: { version: 'devnet' } },
        api,
        log: () => undefined,
      }),
    );
  }
}, 60_000);

afterAll(async () => {
  for (const s of servers.values()) await s.close();
  await registry.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('provider API versions', () => {
  const client = createProviderClient({ signer: tenant, now: () => new Date() });

  it('GIVEN a v1-only provider WHEN a v2 order POSTs its compact manifest and a v1 order PUTs its own THEN both are accepted (the manifest route is one)', async () => {
    const post = await client.sendManifest(endpoint('v1'), 7n, toCompactManifest(MANIFEST), {
      version: 2,
    });
    expect(post.ok && post.value.status).toBe(200);
    const put = await client.sendManifest(endpoint('v1'), 7n, MANIFEST, { version: 1 });
    expect(put.ok && put.value.status).toBe(200);
  });

  it('GIVEN v1-only, v2-only and dual providers WHEN the status is read THEN each answers, on the version it speaks, remembered', async () => {
    for (const api of ['v1', 'v2', 'both'] as const) {
      const s = await waitFor(`two ready replicas via ${api}`, async () => {
        const r = await client.leaseStatus(endpoint(api), 7n);
        return r.ok && r.value.services['web']?.readyReplicas === 2 ? r.value : undefined;
      });
      expect(s.services['web']?.targetReplicas).toBe(2);
      expect(client.apiOf(endpoint(api))).toBe(api === 'v1' ? 'v1' : 'v2');
    }
  });

  it('GIVEN each provider WHEN the service status, logs and events are read THEN all three serve them', async () => {
    for (const api of ['v1', 'v2', 'both'] as const) {
      const svc = await client.serviceStatus(endpoint(api), 7n, 'web');
      expect({ api, ok: svc.ok }).toEqual({ api, ok: true });
      const logs: string[] = [];
      const l = await client.logs(endpoint(api), 7n, {
        follow: false,
        onLine: (x) => logs.push(x),
      });
      expect({ api, ok: l.ok }).toEqual({ api, ok: true });
      expect(logs.length).toBeGreaterThan(0);
      const events: string[] = [];
      const e = await client.events(endpoint(api), 7n, {
        follow: false,
        onLine: (x) => events.push(x),
      });
      expect({ api, ok: e.ok }).toEqual({ api, ok: true });
      expect(events.some((x) => / Normal Started: /.test(x))).toBe(true);
    }
  });

  it('GIVEN a lease the provider lacks WHEN read THEN the lease-level 404 comes back without a version switch', async () => {
    const r = await client.leaseStatus(endpoint('v2'), 8n);
    expect(r).toMatchObject({ ok: false, kind: 'http', status: 404 });
    expect(client.apiOf(endpoint('v2'))).toBe('v2');
  });

  it('GIVEN a token 21 s old WHEN sent THEN 403, as Spheron providers refuse tokens older than 20 s', async () => {
    const fresh = await raw('both', 'GET', '/lease/7/status', await createAuthToken(tenant, now()));
    expect(fresh.status).toBe(200);
    const stale = await raw(
      'both',
      'GET',
      '/lease/7/status',
      await createAuthToken(tenant, now() - 21),
    );
    expect(stale.status).toBe(403);
  });
});
