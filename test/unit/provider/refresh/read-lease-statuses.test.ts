import { describe, expect, it } from '@jest/globals';
import { manualClock } from '../../../support/fake-clocks.js';
import type {
  ProviderClient,
  ProviderLeaseStatus,
  ProviderResult,
} from '../../../../provider/marketplace/marketplace-types.js';
import type { ChainLease } from '../../../../provider/refresh/chain-lease.js';
import {
  STATUS_CONCURRENCY_PER_PROVIDER,
  readLeaseStatuses,
} from '../../../../provider/refresh/read-lease-statuses.js';

const status: ProviderLeaseStatus = { services: {}, forwardedPorts: {} };

function lease(
  id: string,
  provider: string,
  state: 'active' | 'terminated' = 'active',
): ChainLease {
  return {
    id,
    order: {
      id: BigInt(id),
      maxPrice: 1n,
      numOfBlocks: 10n,
      token: '0x1',
      creator: '0x2',
      state: 'matched',
      spec: '',
      version: 1,
      mode: 'provider',
      tiers: [],
    },
    lease: {
      leaseId: BigInt(id),
      fizzId: 0n,
      requestId: BigInt(id),
      acceptedPrice: 1n,
      provider,
      tenant: '0x2',
      startBlock: 1,
      startTime: 0,
      endTime: 0,
      state,
    },
    tag: { stack: 's', instance: 'w', key: id },
    replicas: 1,
    region: null,
    cpu: 100,
    memory: '1',
    provider: {
      address: provider,
      hostUri: `${provider}.example:8443`,
      certificate: null,
      status: 'active',
      tier: 0,
      region: null,
      spec: '',
    },
    specHash: 'sha256:x',
  };
}

/** A client answering from a table, recording the most requests one provider had in flight. */
function client(answer: (host: string) => ProviderResult<ProviderLeaseStatus> | Error) {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const c: ProviderClient = {
    leaseStatus: async (p) => {
      const n = (inFlight.get(p.hostUri) ?? 0) + 1;
      inFlight.set(p.hostUri, n);
      peak.set(p.hostUri, Math.max(peak.get(p.hostUri) ?? 0, n));
      await new Promise((r) => setImmediate(r));
      inFlight.set(p.hostUri, n - 1);
      const a = answer(p.hostUri);
      if (a instanceof Error) throw a;
      return a;
    },
    serviceStatus: () => Promise.reject(new Error('unused')),
    sendManifest: () => Promise.reject(new Error('unused')),
    logs: () => Promise.reject(new Error('unused')),
    events: () => Promise.reject(new Error('unused')),
    apiOf: () => null,
    inventory: () => Promise.reject(new Error('unused')),
  };
  return { c, peak };
}

describe('readLeaseStatuses', () => {
  it('GIVEN providers answering ok, 404, unreachable and throwing WHEN read THEN each is a reading, never a throw', async () => {
    const { c } = client((host) => {
      if (host.startsWith('0xa')) return { ok: true, value: status };
      if (host.startsWith('0xb'))
        return { ok: false, kind: 'http', status: 404, body: 'no manifest' };
      if (host.startsWith('0xc'))
        return { ok: false, kind: 'unreachable', message: 'connect ECONNREFUSED' };
      return new Error('socket hang up');
    });
    const r = await readLeaseStatuses(
      c,
      [lease('1', '0xa'), lease('2', '0xb'), lease('3', '0xc'), lease('4', '0xd')],
      manualClock(),
    );
    expect(Object.fromEntries(r)).toEqual({
      '1': { kind: 'ok', status },
      '2': { kind: 'no-status', message: 'HTTP 404' },
      '3': { kind: 'unreachable', message: 'connect ECONNREFUSED' },
      '4': { kind: 'unreachable', message: 'socket hang up' },
    });
  });

  it('GIVEN a terminated lease WHEN read THEN its provider is not asked', async () => {
    const { c, peak } = client(() => ({ ok: true, value: status }));
    const r = await readLeaseStatuses(c, [lease('1', '0xa', 'terminated')], manualClock());
    expect(r.size).toBe(0);
    expect(peak.size).toBe(0);
  });

  it('GIVEN many leases on one provider WHEN read THEN at most the per-provider limit is in flight, and all are read', async () => {
    const { c, peak } = client(() => ({ ok: true, value: status }));
    const many = Array.from({ length: 50 }, (_, i) => lease(String(i + 1), '0xa'));
    const r = await readLeaseStatuses(c, [...many, lease('99', '0xb')], manualClock());
    expect(r.size).toBe(51);
    expect(peak.get('0xa.example:8443')).toBe(STATUS_CONCURRENCY_PER_PROVIDER);
    expect(peak.get('0xb.example:8443')).toBe(1);
  });
});
