import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decideReplicas } from '../../../../provider/scaling/decide-replicas.js';
import type { DecideReplicasInput } from '../../../../provider/scaling/decide-replicas.js';
import type { ScaleEvent, ScalingHistory } from '../../../../provider/scaling/scaling-types.js';
import { BEHAVIOR_DEFAULTS } from '../../../../provider/spec/normalize-autoscaling.js';
import type {
  AutoscalingPolicyModel,
  MetricModel,
  ScalingRulesModel,
} from '../../../../provider/spec/model-types.js';

const NOW = 1_000_000_000;
const CPU: MetricModel = { type: 'cpu', targetAverageUtilization: 100 };
const RPS: MetricModel = { type: 'requestsPerSecond', targetAverageValue: 10 };
const NO_WINDOWS = {
  scaleUp: { ...BEHAVIOR_DEFAULTS.scaleUp, stabilizationWindow: 0 },
  scaleDown: { ...BEHAVIOR_DEFAULTS.scaleDown, stabilizationWindow: 0 },
};

const policy = (p: Partial<AutoscalingPolicyModel> = {}): AutoscalingPolicyModel => ({
  instance: 'instance.web',
  min: 1,
  max: 100,
  metrics: [CPU],
  ...NO_WINDOWS,
  cooldown: 0,
  ...p,
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

/** `n` ready replicas, each reporting `value` for every given metric. */
function input(opts: {
  current: number;
  value?: number;
  values?: Partial<Record<string, number>>;
  policy?: AutoscalingPolicyModel;
  history?: Partial<ScalingHistory>;
  affordable?: number | null;
}): DecideReplicasInput {
  const p = opts.policy ?? policy();
  const replicas = ids(opts.current).map((id) => ({ id, ready: true, readySince: NOW - 600_000 }));
  const metrics = p.metrics.flatMap((metric) => {
    const key = metric.type === 'prometheus' ? metric.name : metric.type;
    const v = opts.values === undefined ? opts.value : opts.values[key];
    if (v === undefined) return [];
    return [
      { metric, samples: replicas.map((r) => ({ replica: r.id, value: v, at: NOW - 1000 })) },
    ];
  });
  return {
    policy: p,
    current: opts.current,
    observations: { replicas, metrics },
    history: { recommendations: [], events: [], ...opts.history },
    now: NOW,
    budget: { maxReplicasAffordable: opts.affordable ?? null, label: 'max 10 USDT/h' },
  };
}

describe('decideReplicas: the HPA ratio', () => {
  it('GIVEN 1 replica at 200 vs target 100 WHEN decided THEN 2 replicas', () => {
    const r = decideReplicas(input({ current: 1, value: 200 }));
    expect(r.desired).toBe(2);
    expect(r.unclampedDesired).toBe(2);
    expect(r.blockedBy).toBeNull();
    expect(r.perMetric).toEqual([{ metric: 'cpu', value: 200, target: 100, proposal: 2 }]);
    expect(r.reasons[0]).toBe('cpu 200% vs target 100% → 2 replicas');
  });

  it('GIVEN a ratio of 1.05 WHEN decided THEN no change, within tolerance 0.1', () => {
    const r = decideReplicas(input({ current: 10, value: 105 }));
    expect(r.desired).toBe(10);
    expect(r.blockedBy).toBe('tolerance');
    expect(r.reasons[0]).toContain('within tolerance 0.1');
  });

  it('GIVEN a ratio of 0.95 WHEN decided THEN no change either way', () => {
    expect(decideReplicas(input({ current: 10, value: 95 })).desired).toBe(10);
  });

  it('GIVEN a ratio of 1.11 on 10 replicas WHEN decided THEN ceil(11.1) = 12', () => {
    expect(decideReplicas(input({ current: 10, value: 111 })).desired).toBe(12);
  });

  it('GIVEN the decision WHEN made THEN the recommendation to keep is the unstabilized one at now', () => {
    const r = decideReplicas(input({ current: 4, value: 50 }));
    expect(r.recommendation).toEqual({ at: NOW, replicas: 2 });
  });
});

describe('decideReplicas: several metrics', () => {
  const both = policy({ metrics: [CPU, RPS] });

  it('GIVEN cpu asking 3 and rps asking 6 WHEN decided THEN the max, 6', () => {
    const r = decideReplicas(
      input({ current: 2, values: { cpu: 150, requestsPerSecond: 30 }, policy: both }),
    );
    expect(r.perMetric.map((m) => m.proposal)).toEqual([3, 6]);
    expect(r.desired).toBe(6);
  });

  it('GIVEN rps missing entirely and cpu asking for a scale-down WHEN decided THEN no change', () => {
    const r = decideReplicas(input({ current: 4, values: { cpu: 20 }, policy: both }));
    expect(r.desired).toBe(4);
    expect(r.blockedBy).toBe('metrics');
    expect(r.reasons).toContain(
      'requestsPerSecond missing and the others suggest scale-down → stays at 4',
    );
    expect(r.recommendation).toBeNull();
  });

  it('GIVEN rps missing entirely and cpu asking for a scale-up WHEN decided THEN the scale-up goes ahead', () => {
    const r = decideReplicas(input({ current: 2, values: { cpu: 300 }, policy: both }));
    expect(r.desired).toBe(6);
  });

  it('GIVEN every metric missing WHEN decided THEN no change, blocked by metrics', () => {
    const r = decideReplicas(input({ current: 3, values: {}, policy: both }));
    expect(r.desired).toBe(3);
    expect(r.blockedBy).toBe('metrics');
    expect(r.reasons.at(-1)).toBe('no usable metric → stays at 3');
  });
});

describe('decideReplicas: rate policies (behavior)', () => {
  const down: ScalingRulesModel = {
    stabilizationWindow: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Replicas', value: 4, period: 60_000 },
      { type: 'Percent', value: 10, period: 60_000 },
    ],
  };
  const p80 = policy({ min: 1, max: 100, scaleDown: down });

  it('GIVEN 80 replicas and {Pods 4/60s, Percent 10/60s} WHEN load drops THEN 72, then 64 a period later (7.2 → 8)', () => {
    const first = decideReplicas(input({ current: 80, value: 1, policy: p80 }));
    expect(first.desired).toBe(72);
    expect(first.blockedBy).toBe('policy');
    expect(first.reasons).toContain('scale-down limited by policy Percent 10%/1m to 72');
    const events: ScaleEvent[] = [{ at: NOW - 61_000, from: 80, to: 72 }];
    expect(
      decideReplicas(input({ current: 72, value: 1, policy: p80, history: { events } })).desired,
    ).toBe(64);
  });

  it('GIVEN a scale-down already made in this period WHEN decided again THEN nothing more is removed', () => {
    const events: ScaleEvent[] = [{ at: NOW - 30_000, from: 80, to: 72 }];
    expect(
      decideReplicas(input({ current: 72, value: 1, policy: p80, history: { events } })).desired,
    ).toBe(72);
  });

  it('GIVEN the 80-replica example followed down WHEN 10% falls to 4 or less THEN Pods 4 sets the step (40 → 36 → 32 …)', () => {
    const seq: number[] = [80];
    let t = NOW;
    const events: ScaleEvent[] = [];
    while ((seq.at(-1) ?? 0) > 24) {
      const current = seq.at(-1) ?? 0;
      const r = decideReplicas({
        ...input({ current, value: 1, policy: p80, history: { events } }),
        now: t,
      });
      events.push({ at: t, from: current, to: r.desired });
      seq.push(r.desired);
      t += 60_001;
    }
    expect(seq).toEqual([80, 72, 64, 57, 51, 45, 40, 36, 32, 28, 24]);
  });

  it('GIVEN the default scale-up (4 pods or 100%, Max) WHEN 1 replica asks for 10 THEN 5 (1 + 4 beats 1 × 2)', () => {
    const r = decideReplicas(input({ current: 1, value: 1000 }));
    expect(r.unclampedDesired).toBe(10);
    expect(r.desired).toBe(5);
    expect(r.reasons).toContain('scale-up limited by policy Replicas 4/15s to 5');
  });

  it('GIVEN the default scale-up WHEN 10 replicas ask for 50 THEN 20 (100% beats 4 pods)', () => {
    expect(decideReplicas(input({ current: 10, value: 500 })).desired).toBe(20);
  });

  it('GIVEN selectPolicy Min WHEN 10 replicas ask for 50 THEN 14 (the smaller change)', () => {
    const p = policy({ scaleUp: { ...NO_WINDOWS.scaleUp, selectPolicy: 'Min' } });
    expect(decideReplicas(input({ current: 10, value: 500, policy: p })).desired).toBe(14);
  });

  it('GIVEN selectPolicy Disabled for scale-down WHEN load drops THEN no scale-down, blocked by policy', () => {
    const p = policy({ scaleDown: { ...NO_WINDOWS.scaleDown, selectPolicy: 'Disabled' } });
    const r = decideReplicas(input({ current: 6, value: 10, policy: p }));
    expect(r.desired).toBe(6);
    expect(r.blockedBy).toBe('policy');
    expect(r.reasons).toContain('scale-down disabled by policy');
  });
});

describe('decideReplicas: stabilization windows', () => {
  const p = policy({ scaleDown: { ...NO_WINDOWS.scaleDown, stabilizationWindow: 300_000 } });

  it('GIVEN a recommendation of 6 within the 5m window WHEN load drops to ask 3 THEN 6 is kept', () => {
    const history = { recommendations: [{ at: NOW - 60_000, replicas: 6 }] };
    const r = decideReplicas(input({ current: 6, value: 50, policy: p, history }));
    expect(r.desired).toBe(6);
    expect(r.blockedBy).toBe('stabilization');
    expect(r.reasons).toContain(
      'scale-down stabilization keeps 6 (highest recommendation in the last 5m)',
    );
    expect(r.recommendation).toEqual({ at: NOW, replicas: 3 });
  });

  it('GIVEN the highest recommendation older than the window WHEN load drops THEN the scale-down happens', () => {
    const history = {
      recommendations: [
        { at: NOW - 300_000, replicas: 6 },
        { at: NOW - 10_000, replicas: 4 },
      ],
    };
    expect(decideReplicas(input({ current: 6, value: 50, policy: p, history })).desired).toBe(4);
  });

  it('GIVEN a scale-up window of 1m with a lower recommendation in it WHEN load rises THEN the lowest is used', () => {
    const up = policy({ scaleUp: { ...NO_WINDOWS.scaleUp, stabilizationWindow: 60_000 } });
    const history = { recommendations: [{ at: NOW - 30_000, replicas: 4 }] };
    const r = decideReplicas(input({ current: 3, value: 300, policy: up, history }));
    expect(r.desired).toBe(4);
    expect(r.reasons).toContain(
      'scale-up stabilization keeps 4 (lowest recommendation in the last 1m)',
    );
  });
});

describe('decideReplicas: limits, cooldown and budget', () => {
  it('GIVEN a proposal above max WHEN decided THEN clamped to max', () => {
    const r = decideReplicas(input({ current: 8, value: 200, policy: policy({ max: 10 }) }));
    expect(r.desired).toBe(10);
    expect(r.unclampedDesired).toBe(16);
    expect(r.blockedBy).toBe('max');
  });

  it('GIVEN a proposal below min WHEN decided THEN clamped to min', () => {
    const r = decideReplicas(input({ current: 4, value: 1, policy: policy({ min: 2 }) }));
    expect(r.desired).toBe(2);
    expect(r.blockedBy).toBe('min');
  });

  it('GIVEN current above max WHEN decided THEN max, whatever the metrics say', () => {
    const r = decideReplicas(input({ current: 12, value: 500, policy: policy({ max: 10 }) }));
    expect(r.desired).toBe(10);
    expect(r.reasons).toContain('current 12 is above max 10 → 10');
  });

  it('GIVEN no replica running and min 2 WHEN decided THEN 2', () => {
    expect(decideReplicas(input({ current: 0, policy: policy({ min: 2 }) })).desired).toBe(2);
  });

  it('GIVEN a change 20s ago and a 60s cooldown WHEN load rises THEN no change, blocked by cooldown', () => {
    const history = { events: [{ at: NOW - 20_000, from: 2, to: 3 }] };
    const r = decideReplicas(
      input({ current: 3, value: 200, policy: policy({ cooldown: 60_000 }), history }),
    );
    expect(r.desired).toBe(3);
    expect(r.blockedBy).toBe('cooldown');
    expect(r.reasons).toContain('cooldown: last change 20s ago, cooldown 1m');
  });

  it('GIVEN a change 20s ago and a 60s cooldown WHEN load drops THEN no scale-down either', () => {
    const history = { events: [{ at: NOW - 20_000, from: 4, to: 3 }] };
    expect(
      decideReplicas(
        input({ current: 3, value: 10, policy: policy({ cooldown: 60_000 }), history }),
      ).desired,
    ).toBe(3);
  });

  it('GIVEN the last change older than the cooldown WHEN load rises THEN it scales', () => {
    const history = { events: [{ at: NOW - 61_000, from: 2, to: 3 }] };
    expect(
      decideReplicas(
        input({ current: 3, value: 200, policy: policy({ cooldown: 60_000 }), history }),
      ).desired,
    ).toBe(6);
  });

  it('GIVEN a budget for 4 replicas WHEN load asks for 8 (6 after the rate policy) THEN 4, and the reason says the budget refused', () => {
    const r = decideReplicas(input({ current: 2, value: 400, affordable: 4 }));
    expect(r.desired).toBe(4);
    expect(r.blockedBy).toBe('budget');
    expect(r.reasons.at(-1)).toBe(
      'budget allows at most 4 replicas (max 10 USDT/h): scale-out to 6 refused, going to 4',
    );
  });

  it('GIVEN a budget already spent WHEN load asks for more THEN the scale-out is refused outright', () => {
    const r = decideReplicas(input({ current: 4, value: 200, affordable: 4 }));
    expect(r.desired).toBe(4);
    expect(r.blockedBy).toBe('budget');
  });

  it('GIVEN a budget below current WHEN load drops THEN the budget does not force anything', () => {
    const r = decideReplicas(input({ current: 6, value: 100, affordable: 3 }));
    expect(r.desired).toBe(6);
    expect(r.blockedBy).toBe('tolerance');
  });
});

describe('decideReplicas: properties', () => {
  const arbPolicy = fc
    .record({ min: fc.integer({ min: 1, max: 10 }), span: fc.integer({ min: 0, max: 30 }) })
    .map(({ min, span }) => policy({ min, max: min + span }));

  it('GIVEN any policy, count and load WHEN decided THEN desired is within [min, max]', () => {
    fc.assert(
      fc.property(
        arbPolicy,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, current, value) => {
          const r = decideReplicas(input({ current, value, policy: p }));
          expect(r.desired).toBeGreaterThanOrEqual(p.min);
          expect(r.desired).toBeLessThanOrEqual(p.max);
        },
      ),
    );
  });

  it('GIVEN a ratio within tolerance WHEN decided THEN desired equals current', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 91, max: 109 }),
        (current, value) => {
          expect(decideReplicas(input({ current, value })).desired).toBe(current);
        },
      ),
    );
  });

  it('GIVEN everything else fixed WHEN the metric value grows THEN desired never shrinks', () => {
    const history = {
      recommendations: [{ at: NOW - 1000, replicas: 5 }],
      events: [{ at: NOW - 100_000, from: 4, to: 5 }],
    };
    const p = policy({
      min: 2,
      max: 20,
      scaleDown: { ...NO_WINDOWS.scaleDown, stabilizationWindow: 60_000 },
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        (current, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (value: number) =>
            decideReplicas(input({ current, value, policy: p, history, affordable: 12 })).desired;
          expect(at(lo)).toBeLessThanOrEqual(at(hi));
        },
      ),
    );
  });
});
