import { describe, expect, it } from '@jest/globals';
import { toLeaseStatus } from '../../../../provider/marketplace/to-lease-status.js';
import { toReplicaTargets } from '../../../../provider/status/replica-targets.js';

// The provider's JSON as the devnet daemon writes it (snake_case, Akash LeaseStatus + containers).
const raw = {
  services: {
    web: {
      name: 'web',
      total: 3,
      ready_replicas: 2,
      container_statuses: [
        {
          name: 'web-0',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: '2026-01-01T00:00:10.000Z' } },
        },
        {
          name: 'web-1',
          ready: false,
          restartCount: 2,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
        },
        {
          name: 'web-2',
          ready: true,
          restartCount: 1,
          state: { running: { startedAt: '2026-01-01T00:00:20.000Z' } },
        },
      ],
    },
  },
  forwarded_ports: {
    web: [
      { host: '127.0.0.1', port: 8080, externalPort: 41000, proto: 'TCP', name: 'web' },
      { host: '127.0.0.1', port: 9090, externalPort: 41001, proto: 'TCP', name: 'web' },
      { host: '127.0.0.1', port: 8080, externalPort: 42000, proto: 'TCP', name: 'web' },
      { host: '127.0.0.1', port: 9090, externalPort: 42001, proto: 'TCP', name: 'web' },
    ],
  },
};

describe('toReplicaTargets', () => {
  it('GIVEN three containers, one crash-looping WHEN targeted on 8080 THEN ready ones get the listeners in order', () => {
    expect(toReplicaTargets(toLeaseStatus(raw), 'web', 8080)).toEqual([
      {
        name: 'web-0',
        ready: true,
        restarts: 0,
        startedAt: Date.parse('2026-01-01T00:00:10.000Z'),
        endpoint: 'http://127.0.0.1:41000',
      },
      { name: 'web-1', ready: false, restarts: 2, startedAt: null, endpoint: null },
      {
        name: 'web-2',
        ready: true,
        restarts: 1,
        startedAt: Date.parse('2026-01-01T00:00:20.000Z'),
        endpoint: 'http://127.0.0.1:42000',
      },
    ]);
  });

  it('GIVEN the second port WHEN targeted THEN its listeners are used', () => {
    expect(toReplicaTargets(toLeaseStatus(raw), 'web', 9090).map((t) => t.endpoint)).toEqual([
      'http://127.0.0.1:41001',
      null,
      'http://127.0.0.1:42001',
    ]);
  });

  it('GIVEN no port WHEN targeted THEN the first forwarded container port is used', () => {
    expect(toReplicaTargets(toLeaseStatus(raw), 'web', null)[0]?.endpoint).toBe(
      'http://127.0.0.1:41000',
    );
  });

  it('GIVEN a provider without container statuses WHEN targeted THEN replicas come from ready/total', () => {
    const plain = toLeaseStatus({
      services: { web: { name: 'web', total: 2, ready_replicas: 1 } },
      forwarded_ports: { web: [{ host: '127.0.0.1', port: 80, externalPort: 5000 }] },
    });
    expect(toReplicaTargets(plain, 'web', 80)).toEqual([
      {
        name: 'web-0',
        ready: true,
        restarts: 0,
        startedAt: null,
        endpoint: 'http://127.0.0.1:5000',
      },
      { name: 'web-1', ready: false, restarts: 0, startedAt: null, endpoint: null },
    ]);
  });

  it('GIVEN a service the provider does not report WHEN targeted THEN no replicas', () => {
    expect(toReplicaTargets(toLeaseStatus(raw), 'api', 8080)).toEqual([]);
  });
});
