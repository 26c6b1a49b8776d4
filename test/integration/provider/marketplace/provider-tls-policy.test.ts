import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Wallet } from 'ethers';
import { loadOrCreateCertificate } from '../../../../devnet/provider-daemon/certificate.js';
import { FaultBoard } from '../../../../devnet/provider-daemon/fault-board.js';
import { LeaseRegistry } from '../../../../devnet/provider-daemon/lease-registry.js';
import type { ProviderBackend } from '../../../../devnet/provider-daemon/provider-backend.js';
import { startProviderServer } from '../../../../devnet/provider-daemon/provider-server.js';
import type { ProviderServer } from '../../../../devnet/provider-daemon/provider-server.js';
import type { ProviderConfig } from '../../../../devnet/config/load-provider-config.js';
import {
  knownCertificatesFile,
  openKnownCertificates,
} from '../../../../provider/marketplace/known-certificates.js';
import { createProviderClient } from '../../../../provider/marketplace/provider-client.js';
import { createProviderTrust } from '../../../../provider/marketplace/provider-trust.js';
import type { ProviderTrustOptions } from '../../../../provider/marketplace/provider-trust.js';
import type { ProviderEndpoint } from '../../../../provider/marketplace/marketplace-types.js';
import { decodeOrderSpec } from '../../../../wire/index.js';

// The provider TLS policies against two devnet provider daemons with different self-signed
// certificates ("first" and "second"). One provider address is pointed at one, then the other: that
// is a provider whose certificate changed. Nothing is stubbed: real handshakes, real requests.

const tenant = new Wallet('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const PROVIDER = '0x00000000000000000000000000000000000000C1';
const config: ProviderConfig = {
  name: 'tls-1',
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
  '{n:shop,pr:{a:[]},s:[{n:web,r:{i:1,c:{u:500,a:[]},m:{u:536870912,a:[]},s:[{n:default,a:[],u:1073741824}],g:{a:[],u:0},e:[{k:1,s:0}]},c:1}]}',
);

let dir: string;
let registry: LeaseRegistry;
const servers: Record<'first' | 'second', { server: ProviderServer; cert: string; seen: number }> =
  {} as never;

const endpoint = (at: 'first' | 'second', registered: string | null): ProviderEndpoint => ({
  address: PROVIDER,
  hostUri: `127.0.0.1:${servers[at].server.port}`,
  certificate: registered,
});
const fingerprint = (pem: string): string => new X509Certificate(pem).fingerprint256;

function client(trust: ProviderTrustOptions) {
  return createProviderClient({
    signer: tenant,
    now: () => new Date(),
    timeoutMs: 5_000,
    trust: createProviderTrust(trust),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lh-tls-policy-'));
  const faults = new FaultBoard();
  registry = new LeaseRegistry({ config, dataDir: dir, startDelayMs: 50, faults });
  registry.track({
    leaseId: 7n,
    tenant: tenant.address,
    spec: SPEC,
    demand: { cpuMillis: 0, memoryBytes: 0, storageBytes: 0, gpus: {} },
  });
  for (const at of ['first', 'second'] as const) {
    const tls = await loadOrCreateCertificate(mkdtempSync(join(dir, `${at}-`)), '127.0.0.1');
    const slot = { cert: tls.cert, seen: 0 } as {
      server: ProviderServer;
      cert: string;
      seen: number;
    };
    const backend: ProviderBackend = {
      // Every request the daemon authorises looks its lease up: the count of requests that got in.
      lookupLease: async (id) => {
        slot.seen += 1;
        const l = registry.get(id);
        return l === undefined ? null : { leaseId: id, tenant: l.tenant, active: true };
      },
      putManifest: (id, body) => registry.applyManifest(id, body),
      workload: (id) => registry.get(id)?.workload ?? undefined,
      inventory: () => ({ used: registry.used() }),
      faults,
      address: PROVIDER,
      nowSeconds: () => Math.floor(Date.now() / 1000),
    };
    slot.server = await startProviderServer({
      host: '127.0.0.1',
      port: 0,
      ...tls,
      backend,
      version: { akash: { version: 'devnet' } },
      api: 'both',
      log: () => undefined,
    });
    servers[at] = slot;
  }
  expect(fingerprint(servers.first.cert)).not.toBe(fingerprint(servers.second.cert));
}, 60_000);

afterAll(async () => {
  for (const s of Object.values(servers)) await s.server.close();
  await registry.stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('provider TLS policy tofu', () => {
  it('GIVEN no certificate known WHEN the provider is first read THEN its certificate is recorded in LEASEHOLD_HOME and the read goes through', async () => {
    const home = mkdtempSync(join(dir, 'home-'));
    const file = knownCertificatesFile({ LEASEHOLD_HOME: home });
    const known = openKnownCertificates(file);
    // The registered certificate (the other daemon's) plays no part under tofu.
    const c = client({ policy: 'tofu', chainId: 31337, known });
    const before = servers.first.seen;
    // Two reads at once share the first-contact handshake, and both go through.
    const reads = await Promise.all(
      [1, 2].map(() => c.leaseStatus(endpoint('first', servers.second.cert), 7n)),
    );
    for (const r of reads) expect(r.ok || r.kind === 'http').toBe(true);
    expect(servers.first.seen).toBeGreaterThan(before);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      providers: Record<string, { fingerprint: string; hostUri: string }>;
    };
    expect(saved.providers[`31337/${PROVIDER.toLowerCase()}`]).toMatchObject({
      fingerprint: fingerprint(servers.first.cert),
      hostUri: endpoint('first', null).hostUri,
    });

    // Then the provider presents another certificate: refused before any request, naming the
    // provider and the entry to delete. A later client (another run) reads the same file.
    const later = client({ policy: 'tofu', chainId: 31337, known: openKnownCertificates(file) });
    const seenBefore = servers.second.seen;
    const changed = await later.leaseStatus(endpoint('second', servers.second.cert), 7n);
    expect(changed).toMatchObject({ ok: false, kind: 'certificate-mismatch' });
    const message = changed.ok ? '' : 'message' in changed ? changed.message : '';
    expect(message).toContain(PROVIDER);
    expect(message).toContain(fingerprint(servers.first.cert));
    expect(message).toContain(`delete the entry "31337/${PROVIDER.toLowerCase()}" from ${file}`);
    const logs = await later.logs(endpoint('second', null), 7n, {
      follow: false,
      onLine: () => undefined,
    });
    expect(logs).toMatchObject({ ok: false, kind: 'certificate-mismatch' });
    expect(servers.second.seen).toBe(seenBefore);

    // The first certificate is still accepted by that later client.
    const again = await later.leaseStatus(endpoint('first', null), 7n);
    expect(again.ok || again.kind === 'http').toBe(true);
  });
});

describe('provider TLS policy insecure and pin', () => {
  it('GIVEN a provider presenting another certificate than registered WHEN read under pin THEN refused; under insecure THEN accepted with one warning', async () => {
    const mismatched = endpoint('second', servers.first.cert);
    const pinned = await client({ policy: 'pin' }).leaseStatus(mismatched, 7n);
    expect(pinned).toMatchObject({ ok: false, kind: 'certificate-mismatch' });

    const warnings: string[] = [];
    const c = client({ policy: 'insecure', warn: (l) => warnings.push(l), networkName: 'local' });
    const before = servers.second.seen;
    for (let i = 0; i < 2; i++) {
      const r = await c.leaseStatus(mismatched, 7n);
      expect(r.ok || r.kind === 'http').toBe(true);
    }
    expect(servers.second.seen).toBeGreaterThan(before);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('not verified');
  });
});
