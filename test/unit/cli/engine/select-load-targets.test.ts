import { describe, expect, it } from '@jest/globals';
import { selectLoadTargets } from '../../../../cli/engine/select-load-targets.js';
import type { LeaseRecord, StackState } from '../../../../cli/state/state-types.js';

const lease = (key: string, endpoints: string[]): LeaseRecord => ({
  key,
  status: 'ready',
  orderId: key === '0' ? '7' : '8',
  leaseId: key === '0' ? '7' : '8',
  provider: '0xabc',
  host: 'https://127.0.0.1:9000',
  region: 'us-east',
  acceptedPrice: '1',
  token: '0xtoken',
  replicas: endpoints.length,
  specHash: 'h',
  manifestHash: 'm',
  startBlock: 1,
  numOfBlocks: 100,
  endpoints,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const state: StackState = {
  formatVersion: 1,
  stack: 's',
  lineage: 'l',
  serial: 3,
  network: { name: 'local', chainId: 31337 },
  tenant: '0xt',
  resources: [
    {
      address: 'instance.web',
      type: 'instance',
      name: 'web',
      attributes: {},
      modelHash: 'h',
      leases: [
        lease('0', ['http://127.0.0.1:4002', 'http://127.0.0.1:4001']),
        lease('1', ['http://127.0.0.1:4003', 'http://127.0.0.1:4001']),
      ],
    },
    {
      address: 'instance.idle',
      type: 'instance',
      name: 'idle',
      attributes: {},
      modelHash: 'h',
      leases: [lease('0', [])],
    },
  ],
  outputs: {},
  journal: [],
};

describe('selectLoadTargets', () => {
  it('GIVEN a resource with two leases WHEN selected THEN every endpoint once, sorted', () => {
    expect(selectLoadTargets(state, 'instance.web')).toEqual({
      endpoints: ['http://127.0.0.1:4001', 'http://127.0.0.1:4002', 'http://127.0.0.1:4003'],
      diagnostics: [],
    });
  });

  it('GIVEN a slot address WHEN selected THEN only that lease', () => {
    expect(selectLoadTargets(state, 'instance.web[1]').endpoints).toEqual([
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4003',
    ]);
  });

  it('GIVEN an unknown address WHEN selected THEN load-unknown-address names the known ones', () => {
    const r = selectLoadTargets(state, 'instance.api');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['devnet/load-unknown-address']);
    expect(r.diagnostics[0]?.detail).toContain('instance.web, instance.idle');
  });

  it('GIVEN no state WHEN selected THEN load-unknown-address says to apply first', () => {
    expect(selectLoadTargets(null, 'instance.web').diagnostics[0]?.hint).toContain('apply');
  });

  it('GIVEN leases without endpoints WHEN selected THEN load-no-endpoints', () => {
    expect(selectLoadTargets(state, 'instance.idle').diagnostics.map((d) => d.code)).toEqual([
      'devnet/load-no-endpoints',
    ]);
  });
});
