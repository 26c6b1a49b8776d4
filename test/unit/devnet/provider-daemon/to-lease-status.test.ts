import { describe, expect, it } from '@jest/globals';
import { toLeaseStatus } from '../../../../devnet/provider-daemon/to-lease-status.js';
import type { ServiceSnapshot } from '../../../../devnet/workload/index.js';

const at = new Date('2026-01-01T00:00:00Z');
const svc: ServiceSnapshot = {
  name: 'web',
  image: 'nginx:1',
  count: 2,
  generation: 1,
  createdAt: at,
  replicas: [
    {
      name: 'web-0',
      state: 'running',
      waitingReason: '',
      restartCount: 1,
      startedAt: at,
      finishedAt: null,
      listeners: [{ containerPort: 80, externalPort: 80, hostPort: 40001, proto: 'TCP' }],
    },
    {
      name: 'web-1',
      state: 'waiting',
      waitingReason: 'ContainerCreating',
      restartCount: 0,
      startedAt: null,
      finishedAt: null,
      listeners: [],
    },
  ],
};

describe('toLeaseStatus', () => {
  it('GIVEN one ready and one starting replica WHEN rendered THEN the Akash shape with snake_case counts', () => {
    const s = toLeaseStatus([svc]);
    expect(s.services['web']).toMatchObject({
      name: 'web',
      available: 1,
      total: 2,
      uris: null,
      observed_generation: 1,
      replicas: 2,
      updated_replicas: 2,
      ready_replicas: 1,
      available_replicas: 1,
      creationTimestamp: '2026-01-01T00:00:00.000Z',
    });
    expect(s.services['web']?.container_statuses.map((c) => c.state)).toEqual([
      { running: { startedAt: '2026-01-01T00:00:00.000Z' } },
      { waiting: { reason: 'ContainerCreating', message: '' } },
    ]);
    expect(s.services['web']?.container_statuses[0]).toMatchObject({
      ready: true,
      restartCount: 1,
      image: 'nginx:1',
      started: true,
    });
    expect(s.forwarded_ports).toEqual({
      web: [{ host: '127.0.0.1', port: 80, externalPort: 40001, proto: 'TCP', name: 'web' }],
    });
    expect(s.ips).toBeNull();
  });

  it('GIVEN nothing listening WHEN rendered THEN forwarded_ports is null', () => {
    expect(toLeaseStatus([{ ...svc, replicas: [] }]).forwarded_ports).toBeNull();
  });
});
