import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideHealth } from '../../../../provider/health/decide-health.js';
import type { ReplicaHealthInput } from '../../../../provider/health/replica-health.js';
import type { HealthCheckModel } from '../../../../provider/spec/model-types.js';

const NOW = 50_000_000;
const CHECK: HealthCheckModel = {
  instance: 'instance.web',
  probe: { type: 'tcp', port: 8080 },
  interval: 10_000,
  timeout: 2000,
  healthyThreshold: 1,
  unhealthyThreshold: 3,
  gracePeriod: 30_000,
  onFailure: 'replace',
  maxReplacementsPerHour: 3,
};
const failing = (id: string, provider = `0x${id}`): ReplicaHealthInput => ({
  id,
  provider,
  readySince: NOW - 600_000,
  probes: [0, 1, 2].map((i) => ({ ok: false, at: NOW - i * 10_000, error: 'connection refused' })),
  signals: { ready: true, restarting: false, reachable: true },
});
const healthy = (id: string): ReplicaHealthInput => ({
  ...failing(id),
  probes: [{ ok: true, at: NOW }],
});

describe('decideHealth', () => {
  it('GIVEN both replicas of one lease unhealthy WHEN decided THEN one lease replacement is counted, not two (issue 11 item 16)', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [
        { ...failing('web[0]#0', '0xp'), lease: 'instance.web[0]' },
        { ...failing('web[0]#1', '0xp'), lease: 'instance.web[0]' },
      ],
      now: NOW,
      replacementsInLastHour: 0,
    });
    expect(r.actions.map((a) => a.action)).toEqual(['replace', 'replace']);
    expect(r.replacementsLeft).toBe(2);
    expect(r.actions[0]?.reasons[1]).toContain('1 of 3 lease replacements this hour');
    expect(r.actions[1]?.reasons[1]).toContain('already being replaced (counted once)');
  });

  it('GIVEN an unhealthy replica under onFailure replace WHEN decided THEN replace, excluding its provider for 1h', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [failing('a'), healthy('b')],
      now: NOW,
      replacementsInLastHour: 0,
    });
    expect(r.actions[0]).toEqual({
      replica: 'a',
      action: 'replace',
      reasons: [
        'unhealthy: 3 consecutive failures (threshold 3): connection refused',
        'replacing its lease (1 of 3 lease replacements this hour); provider excluded from the slot for 1h',
      ],
      exclude: { provider: '0xa', until: NOW + 3_600_000 },
    });
    expect(r.actions[1]?.action).toBe('none');
    expect(r.replacementsLeft).toBe(2);
  });

  it('GIVEN onFailure alert WHEN a replica is unhealthy THEN alert only, nothing excluded', () => {
    const r = decideHealth({
      check: { ...CHECK, onFailure: 'alert' },
      replicas: [failing('a')],
      now: NOW,
      replacementsInLastHour: 0,
    });
    expect(r.actions[0]).toMatchObject({ action: 'alert', exclude: null });
  });

  it('GIVEN 3 replacements in the last hour WHEN another is unhealthy THEN alert: the budget is exhausted', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [failing('a')],
      now: NOW,
      replacementsInLastHour: 3,
    });
    expect(r.actions[0]?.action).toBe('alert');
    expect(r.actions[0]?.reasons).toContain('replacement budget exhausted: 3 in the last hour');
    expect(r.replacementsLeft).toBe(0);
  });

  it('GIVEN 2 used and 2 unhealthy WHEN decided THEN the first is replaced and the second alerted', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [failing('a'), failing('b')],
      now: NOW,
      replacementsInLastHour: 2,
    });
    expect(r.actions.map((a) => a.action)).toEqual(['replace', 'alert']);
  });

  it('GIVEN a replica within its grace period WHEN it fails THEN nothing is done', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [{ ...failing('a'), readySince: NOW - 10_000 }],
      now: NOW,
      replacementsInLastHour: 0,
    });
    expect(r.actions[0]?.action).toBe('none');
    expect(r.replicas[0]?.state).toBe('grace');
  });

  it('GIVEN a custom exclusion WHEN replacing THEN the exclusion lasts that long', () => {
    const r = decideHealth({
      check: CHECK,
      replicas: [failing('a')],
      now: NOW,
      replacementsInLastHour: 0,
      exclusionMs: 600_000,
    });
    expect(r.actions[0]?.exclude?.until).toBe(NOW + 600_000);
  });

  it('GIVEN any number of unhealthy replicas and past replacements WHEN decided THEN replacements never exceed the hourly budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (n, used, max) => {
          const replicas = Array.from({ length: n }, (_, i) => failing(`r${i}`));
          const r = decideHealth({
            check: { ...CHECK, maxReplacementsPerHour: max },
            replicas,
            now: NOW,
            replacementsInLastHour: used,
          });
          const replaced = r.actions.filter((a) => a.action === 'replace').length;
          expect(used + replaced <= Math.max(max, used)).toBe(true);
          expect(replaced).toBe(Math.min(n, Math.max(0, max - used)));
        },
      ),
    );
  });
});
