import { describe, expect, it } from '@jest/globals';
import {
  evaluateReplicaHealth,
  signalFailure,
} from '../../../../provider/health/replica-health.js';
import type { ReplicaHealthInput } from '../../../../provider/health/replica-health.js';
import type { HealthCheckModel } from '../../../../provider/spec/model-types.js';

const NOW = 50_000_000;
const CHECK: HealthCheckModel = {
  instance: 'instance.web',
  probe: {
    type: 'http',
    path: '/healthz',
    port: 8080,
    expectedStatus: { min: 200, max: 399 },
    headers: {},
  },
  interval: 10_000,
  timeout: 2000,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
  gracePeriod: 30_000,
  onFailure: 'replace',
  maxReplacementsPerHour: 3,
};
const OK_SIGNALS = { ready: true, restarting: false, reachable: true };
/** Probe results every 10 s ending at `NOW`, oldest first. */
const series = (oks: boolean[]) =>
  oks.map((ok, i) => ({
    ok,
    at: NOW - (oks.length - 1 - i) * 10_000,
    ...(ok ? {} : { status: 500 }),
  }));
const replica = (r: Partial<ReplicaHealthInput> = {}): ReplicaHealthInput => ({
  id: 'web-0',
  provider: '0xabc',
  readySince: NOW - 600_000,
  probes: [],
  signals: OK_SIGNALS,
  ...r,
});

describe('evaluateReplicaHealth', () => {
  it('GIVEN a replica never ready WHEN evaluated THEN starting', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ readySince: null, probes: series([false, false, false]) }),
      NOW,
    );
    expect(h.state).toBe('starting');
  });

  it('GIVEN failures within the grace period WHEN evaluated THEN grace, however many failed', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ readySince: NOW - 25_000, probes: series([false, false, false]) }),
      NOW,
    );
    expect(h.state).toBe('grace');
    expect(h.reason).toBe('in grace period: 5s left');
  });

  it('GIVEN 3 consecutive failures after grace WHEN evaluated THEN unhealthy, naming the last error', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([true, true, false, false, false]) }),
      NOW,
    );
    expect(h).toMatchObject({
      state: 'unhealthy',
      consecutiveFailures: 3,
      consecutiveSuccesses: 0,
    });
    expect(h.reason).toBe('3 consecutive failures (threshold 3): HTTP 500');
  });

  it('GIVEN 2 failures after being healthy WHEN evaluated THEN still healthy (below threshold)', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([true, true, false, false]) }),
      NOW,
    );
    expect(h.state).toBe('healthy');
    expect(h.reason).toBe('2 of 3 failures before unhealthy: HTTP 500');
  });

  it('GIVEN unhealthy then 1 success of the 2 needed WHEN evaluated THEN still unhealthy (recovering)', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([false, false, false, true]) }),
      NOW,
    );
    expect(h.state).toBe('unhealthy');
    expect(h.reason).toBe('recovering: 1 of 2 successes needed');
  });

  it('GIVEN unhealthy then 2 successes WHEN evaluated THEN healthy again', () => {
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([false, false, false, true, true]) }),
      NOW,
    );
    expect(h.state).toBe('healthy');
  });

  it('GIVEN failures during grace and successes after WHEN evaluated THEN grace failures do not count', () => {
    const readySince = NOW - 45_000; // grace ends at NOW − 15 s
    const probes = [
      { ok: false, at: NOW - 40_000 },
      { ok: false, at: NOW - 30_000 },
      { ok: false, at: NOW - 20_000 },
      { ok: false, at: NOW - 10_000 },
    ];
    const h = evaluateReplicaHealth(CHECK, replica({ readySince, probes }), NOW);
    expect(h).toMatchObject({ state: 'unknown', consecutiveFailures: 1 });
  });

  it('GIVEN probes from before readiness WHEN evaluated THEN they are ignored', () => {
    const probes = [
      { ok: false, at: NOW - 700_000 },
      { ok: false, at: NOW - 650_000 },
      { ok: false, at: NOW - 620_000 },
    ];
    const h = evaluateReplicaHealth(CHECK, replica({ probes }), NOW);
    expect(h.state).toBe('unknown');
    expect(h.reason).toBe('no probe since the grace period ended');
  });

  it('GIVEN the provider stopped answering WHEN this cycle probe passed THEN the cycle counts as a failure', () => {
    const signals = { ready: true, restarting: false, reachable: false };
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([false, false, true]), signals }),
      NOW,
    );
    expect(h).toMatchObject({ state: 'unhealthy', consecutiveFailures: 3 });
    expect(h.reason).toContain(
      'the provider API is unreachable, but the replica answers its health probe',
    );
  });

  it('GIVEN the provider API unreachable once while the replica answers WHEN evaluated THEN it says so and what the controller will do (issue 11 item 16)', () => {
    const signals = { ready: true, restarting: false, reachable: false };
    const h = evaluateReplicaHealth(
      CHECK,
      replica({ probes: series([true, true, true]), signals }),
      NOW,
    );
    expect(h.consecutiveFailures).toBe(1);
    expect(h.reason).toContain(
      'the provider API is unreachable, but the replica answers its health probe',
    );
    expect(h.reason).toMatch(
      /if it stays unreachable \d+ more cycles?, the controller (replaces the lease on another provider|alerts)/,
    );
  });

  it('GIVEN a restarting container and no probe this cycle WHEN evaluated THEN a failure is added at now', () => {
    const probes = series([false, false]).map((p) => ({ ...p, at: p.at - 10_000 }));
    const signals = { ready: true, restarting: true, reachable: true };
    const h = evaluateReplicaHealth(CHECK, replica({ probes, signals }), NOW);
    expect(h).toMatchObject({ state: 'unhealthy', consecutiveFailures: 3 });
    expect(h.reason).toContain('container restarting');
  });

  it('GIVEN bad signals WHEN described THEN each has its words', () => {
    expect(signalFailure({ ready: false, restarting: false, reachable: true })).toBe(
      'provider reports the replica not ready',
    );
    expect(signalFailure(OK_SIGNALS)).toBeNull();
  });
});
