import { describe, expect, it } from '@jest/globals';
import type { ProviderLeaseStatus } from '../../../../provider/marketplace/marketplace-types.js';
import { toObservedReplicas } from '../../../../provider/autoscale/observed-replica.js';

const port = (externalPort: number, p = 8080) => ({
  host: '127.0.0.1',
  port: p,
  externalPort,
  proto: 'TCP',
  name: 'web',
});
const container = (ready: boolean, restartCount = 0) => ({
  name: 'web',
  ready,
  restartCount,
  startedAt: ready ? '2026-03-01T12:00:00.000Z' : null,
});
const status = (
  containers: ReturnType<typeof container>[],
  ports: ReturnType<typeof port>[],
): ProviderLeaseStatus => ({
  services: {
    web: {
      name: 'web',
      available: 0,
      total: containers.length,
      readyReplicas: containers.filter((c) => c.ready).length,
      uris: [],
      containers,
    },
  },
  forwardedPorts: { web: ports },
});
const input = {
  slot: 'instance.web[0]',
  leaseId: '7',
  provider: '0xp1',
  service: 'web',
  replicas: 3,
};

describe('toObservedReplicas', () => {
  it('GIVEN three ready replicas WHEN mapped THEN each gets its forwarded port in replica order', () => {
    const r = toObservedReplicas({
      ...input,
      status: status(
        [container(true), container(true), container(true)],
        [port(1), port(2), port(3)],
      ),
    });
    expect(r.map((x) => [x.id, x.endpoints['8080']])).toEqual([
      ['instance.web[0]#0', 'http://127.0.0.1:1'],
      ['instance.web[0]#1', 'http://127.0.0.1:2'],
      ['instance.web[0]#2', 'http://127.0.0.1:3'],
    ]);
    expect(r[0]?.startedAt).toBe(Date.parse('2026-03-01T12:00:00.000Z'));
  });

  it('GIVEN the middle replica restarting (no listener) WHEN mapped THEN the ports go to the ready ones and it has none', () => {
    const r = toObservedReplicas({
      ...input,
      status: status([container(true), container(false, 2), container(true)], [port(1), port(3)]),
    });
    expect(r.map((x) => x.endpoints['8080'] ?? null)).toEqual([
      'http://127.0.0.1:1',
      null,
      'http://127.0.0.1:3',
    ]);
    expect(r[1]).toMatchObject({ ready: false, restartCount: 2, startedAt: null });
  });

  it('GIVEN two exposed ports WHEN mapped THEN each replica has both, by container port', () => {
    const r = toObservedReplicas({
      ...input,
      replicas: 2,
      status: status(
        [container(true), container(true)],
        [port(1), port(11, 9090), port(2), port(12, 9090)],
      ),
    });
    expect(r[1]?.endpoints).toEqual({
      '8080': 'http://127.0.0.1:2',
      '9090': 'http://127.0.0.1:12',
    });
  });

  it('GIVEN a provider that did not answer WHEN mapped THEN the state count of unreachable, not-ready replicas', () => {
    const r = toObservedReplicas({ ...input, status: null });
    expect(r).toHaveLength(3);
    expect(r.every((x) => !x.reachable && !x.ready)).toBe(true);
  });
});
