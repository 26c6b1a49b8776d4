import { describe, expect, it } from '@jest/globals';
import type { AutoscaleResourceHistory } from '../../../../cli/provider-api.js';
import { decideInstance } from '../../../../provider/autoscale/decide-instance.js';
import type { DecideInstanceInput } from '../../../../provider/autoscale/decide-instance.js';
import type { ObservedReplica } from '../../../../provider/autoscale/observed-replica.js';
import type { ReplicaProbeResult } from '../../../../provider/health/run-probes.js';
import type { ScrapeObservation } from '../../../../provider/metrics/scrape-replicas.js';
import type {
  AutoscalingPolicyModel,
  HealthCheckModel,
} from '../../../../provider/spec/model-types.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const check: HealthCheckModel = {
  instance: 'instance.web',
  probe: {
    type: 'http',
    path: '/healthz',
    port: 8080,
    expectedStatus: { min: 200, max: 399 },
    headers: {},
  },
  interval: 1000,
  timeout: 500,
  healthyThreshold: 1,
  unhealthyThreshold: 2,
  gracePeriod: 5000,
  onFailure: 'replace',
  maxReplacementsPerHour: 2,
};
const rules = (window: number) => ({
  stabilizationWindow: window,
  selectPolicy: 'Max' as const,
  policies: [{ type: 'Replicas' as const, value: 4, period: 15_000 }],
});
const policy: AutoscalingPolicyModel = {
  instance: 'instance.web',
  min: 2,
  max: 10,
  metrics: [{ type: 'requestsPerSecond', targetAverageValue: 10 }],
  scaleUp: rules(0),
  scaleDown: rules(60_000),
  cooldown: 5000,
};
const replica = (i: number, o: Partial<ObservedReplica> = {}): ObservedReplica => ({
  id: `instance.web[0]#${i}`,
  slot: 'instance.web[0]',
  leaseId: '7',
  provider: '0xp1',
  ready: true,
  restartCount: 0,
  startedAt: NOW - 60_000,
  reachable: true,
  endpoints: { '8080': `http://127.0.0.1:${1000 + i}` },
  ...o,
});
const counter = (i: number, value: number, at: number): ScrapeObservation => ({
  replica: `instance.web[0]#${i}`,
  at,
  ok: true,
  latencyMs: 1,
  samples: [{ name: 'http_requests_total', labels: {}, value, timestamp: null }],
  types: {},
  problems: [],
});
const EMPTY: AutoscaleResourceHistory = {
  recommendations: [],
  events: [],
  replacements: [],
  memory: null,
};
const probe = (i: number, ok: boolean, at = NOW): ReplicaProbeResult => ({
  replica: `instance.web[0]#${i}`,
  ok,
  at,
  latencyMs: 1,
  ...(ok ? { status: 200 } : { error: 'HTTP 500' }),
});
const base = (o: Partial<DecideInstanceInput> = {}): DecideInstanceInput => ({
  address: 'instance.web',
  check: null,
  policy,
  current: 2,
  replicas: [replica(0), replica(1)],
  probes: [],
  scrapes: [],
  history: EMPTY,
  now: NOW,
  budget: { maxReplicasAffordable: null },
  ...o,
});

// Two cycles, 10 s apart: each replica served 250 requests in between → 25 rps against a target of 10.
function loadedTwice(o: Partial<DecideInstanceInput> = {}) {
  const first = decideInstance(
    base({
      now: NOW - 10_000,
      scrapes: [counter(0, 0, NOW - 10_000), counter(1, 0, NOW - 10_000)],
      ...o,
    }),
  );
  const history = { ...(o.history ?? EMPTY), memory: first.memory };
  return {
    first,
    second: decideInstance(
      base({ ...o, history, scrapes: [counter(0, 250, NOW), counter(1, 250, NOW)] }),
    ),
  };
}

describe('decideInstance: scaling', () => {
  it('GIVEN a counter seen once WHEN decided THEN the rate is missing and nothing changes', () => {
    const { first } = loadedTwice();
    expect(first).toMatchObject({ desired: 2, action: 'none', blockedBy: 'metrics' });
    expect(first.metrics).toEqual([{ name: 'requestsPerSecond', value: null, target: 10 }]);
  });

  it('GIVEN 25 rps per replica on 2 replicas WHEN decided on the second scrape THEN ceil(2 × 25 / 10) = 5, scale-out', () => {
    const { second } = loadedTwice();
    expect(second).toMatchObject({ current: 2, desired: 5, action: 'scale-out', blockedBy: null });
    expect(second.metrics[0]?.value).toBeCloseTo(25, 6);
    expect(second.recommendation).toEqual({ at: NOW, replicas: 5 });
  });

  it('GIVEN a change 2 s ago and a 5 s cooldown WHEN the metric asks for more THEN it stays, blocked by cooldown', () => {
    const { second } = loadedTwice({
      history: { ...EMPTY, events: [{ at: NOW - 2000, from: 1, to: 2 }] },
    });
    expect(second).toMatchObject({ desired: 2, action: 'none', blockedBy: 'cooldown' });
    expect(second.reasons.join(' ')).toContain('cooldown: last change 2s ago');
  });

  it('GIVEN a budget for 3 replicas WHEN the metric asks for 5 THEN 3, with the budget reason', () => {
    const { second } = loadedTwice({ budget: { maxReplicasAffordable: 3, label: 'max 3 USDT/h' } });
    expect(second).toMatchObject({ desired: 3, blockedBy: 'budget', action: 'scale-out' });
    expect(second.reasons.join(' ')).toContain('budget allows at most 3 replicas (max 3 USDT/h)');
  });

  it('GIVEN a slot still being applied WHEN the metric asks for more THEN the count holds', () => {
    const { second } = loadedTwice({ settling: true });
    expect(second).toMatchObject({ desired: 2, blockedBy: 'settling', action: 'none' });
  });

  it('GIVEN no policy WHEN decided THEN the count is the current one and no metric is read', () => {
    const d = decideInstance(base({ policy: null, check }));
    expect(d).toMatchObject({ desired: 2, metrics: [], recommendation: null });
  });
});

describe('decideInstance: health', () => {
  const failing = (history: AutoscaleResourceHistory, i = 0) =>
    decideInstance(
      base({ policy: null, check, history, probes: [probe(i, false), probe(1 - i, true)] }),
    );

  it('GIVEN two failed probes in a row after the grace period WHEN decided THEN the slot is replaced, its provider excluded', () => {
    const first = failing(EMPTY);
    expect(first.action).toBe('none');
    const second = decideInstance(
      base({
        policy: null,
        check,
        now: NOW + 1000,
        history: { ...EMPTY, memory: first.memory },
        probes: [probe(0, false, NOW + 1000), probe(1, true, NOW + 1000)],
      }),
    );
    expect(second.action).toBe('replace');
    expect(second.replace).toEqual([
      {
        at: NOW + 1000,
        slot: 'instance.web[0]',
        leaseId: '7',
        provider: '0xp1',
        excludeUntil: NOW + 1000 + 3_600_000,
      },
    ]);
    expect(second.health.map((h) => h.state)).toEqual(['unhealthy', 'healthy']);
  });

  it('GIVEN both replicas of one lease unhealthy WHEN decided THEN one replacement for the slot', () => {
    const p = (at: number) => [probe(0, false, at), probe(1, false, at)];
    const first = decideInstance(base({ policy: null, check, probes: p(NOW) }));
    const second = decideInstance(
      base({
        policy: null,
        check,
        now: NOW + 1000,
        history: { ...EMPTY, memory: first.memory },
        probes: p(NOW + 1000),
      }),
    );
    expect(second.replace).toHaveLength(1);
    expect(second.health.map((h) => h.action)).toEqual(['replace', 'none']);
  });

  it('GIVEN a replica within its grace period WHEN its probes fail THEN it is not replaced', () => {
    const young = [replica(0, { startedAt: NOW - 1000 }), replica(1)];
    const first = decideInstance(
      base({ policy: null, check, replicas: young, probes: [probe(0, false), probe(1, true)] }),
    );
    const second = decideInstance(
      base({
        policy: null,
        check,
        replicas: young,
        now: NOW + 1000,
        history: { ...EMPTY, memory: first.memory },
        probes: [probe(0, false, NOW + 1000), probe(1, true, NOW + 1000)],
      }),
    );
    expect(second.action).toBe('none');
    expect(second.health[0]?.state).toBe('grace');
  });

  it('GIVEN the hourly replacement budget used up WHEN a replica is unhealthy THEN an alert, blocked by the replacement budget', () => {
    const used = [0, 1].map((k) => ({
      at: NOW - 600_000 * (k + 1),
      slot: 'instance.web[0]',
      leaseId: String(k),
      provider: '0xp0',
      excludeUntil: NOW + 1,
    }));
    const first = failing({ ...EMPTY, replacements: used });
    const second = decideInstance(
      base({
        policy: null,
        check,
        now: NOW + 1000,
        history: { ...EMPTY, replacements: used, memory: first.memory },
        probes: [probe(0, false, NOW + 1000), probe(1, true, NOW + 1000)],
      }),
    );
    expect(second).toMatchObject({ action: 'alert', replace: [], blockedBy: 'replacement-budget' });
  });

  it('GIVEN a restart count that went up WHEN decided THEN the restart is a failure signal', () => {
    const first = decideInstance(
      base({ policy: null, check, probes: [probe(0, true), probe(1, true)] }),
    );
    const restarted = [replica(0, { restartCount: 1 }), replica(1)];
    const second = decideInstance(
      base({
        policy: null,
        check,
        replicas: restarted,
        now: NOW + 1000,
        history: { ...EMPTY, memory: first.memory },
        probes: [probe(0, true, NOW + 1000), probe(1, true, NOW + 1000)],
      }),
    );
    expect(second.health[0]?.reason).toContain('container restarting');
  });
});
