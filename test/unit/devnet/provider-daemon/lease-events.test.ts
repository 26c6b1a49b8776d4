import { describe, expect, it } from '@jest/globals';
import { toLeaseEvents } from '../../../../devnet/provider-daemon/lease-events.js';
import { servedLeasePath } from '../../../../devnet/provider-daemon/provider-server.js';
import { toServiceStatus } from '../../../../devnet/provider-daemon/to-lease-status.js';
import { frameLine } from '../../../../provider/marketplace/stream-logs.js';
import { toLeaseStatus as readLeaseStatus } from '../../../../provider/marketplace/to-lease-status.js';
import type { ServiceSnapshot } from '../../../../devnet/workload/workload.js';

const T = new Date('2026-01-01T00:00:00Z');
const svc: ServiceSnapshot = {
  name: 'web',
  image: 'nginx:1',
  count: 2,
  generation: 1,
  createdAt: T,
  replicas: [
    {
      name: 'web-0',
      state: 'running',
      waitingReason: '',
      restartCount: 1,
      startedAt: T,
      finishedAt: null,
      listeners: [],
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

describe('devnet provider: API versions, events, status shapes', () => {
  it('GIVEN api v1, v2 or both WHEN a lease path is asked THEN only the served version routes', () => {
    expect(servedLeasePath('v1', '/lease/7/status')).toBeNull();
    expect(servedLeasePath('v1', '/lease/7/1/1/status')?.api).toBe('v1');
    expect(servedLeasePath('v2', '/lease/7/1/1/status')).toBeNull();
    expect(servedLeasePath('v2', '/lease/7/events')?.route).toEqual({ kind: 'events' });
    expect(servedLeasePath('both', '/lease/7/1/1/kubeevents')?.route).toEqual({ kind: 'events' });
  });

  it('GIVEN replicas WHEN events are derived THEN each replica has scheduling, pull, restart and start events', () => {
    const reasons = toLeaseEvents([svc]).map((e) => `${e.frame.object.name} ${e.frame.reason}`);
    expect(reasons).toEqual([
      'web-0 Scheduled',
      'web-0 Pulled',
      'web-0 BackOff',
      'web-0 Started',
      'web-1 Scheduled',
      'web-1 Pulling',
    ]);
  });

  it('GIVEN an event frame WHEN shown THEN it is one line naming the pod, type, reason and note', () => {
    const [first] = toLeaseEvents([svc]);
    expect(frameLine(JSON.stringify(first?.frame))).toBe(
      '[web-0] Normal Scheduled: Successfully assigned lease/web-0',
    );
    expect(frameLine('{"name":"web-0","message":"GET / 200"}')).toBe('[web-0] GET / 200');
    expect(frameLine('plain text')).toBe('plain text');
  });

  it('GIVEN the v2 status shape WHEN written and read THEN target_replicas replaces replicas', () => {
    const v2 = toServiceStatus(svc, 'v2');
    expect(v2).toMatchObject({ target_replicas: 2 });
    expect(v2).not.toHaveProperty('replicas');
    expect(v2).not.toHaveProperty('updated_replicas');
    expect(toServiceStatus(svc, 'v1')).toMatchObject({ replicas: 2, updated_replicas: 2 });
    const read = readLeaseStatus({ services: { web: v2 }, forwarded_ports: null });
    expect(read.services['web']?.targetReplicas).toBe(2);
    const old = readLeaseStatus({ services: { web: toServiceStatus(svc, 'v1') } });
    expect(old.services['web']?.targetReplicas).toBe(2);
  });
});
