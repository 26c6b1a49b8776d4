import { describe, expect, it } from '@jest/globals';
import { computeMetricProposal } from '../../../../provider/scaling/metric-ratio.js';
import type { MetricSample, ReplicaReadiness } from '../../../../provider/scaling/scaling-types.js';
import type { MetricModel } from '../../../../provider/spec/model-types.js';

const NOW = 5_000_000;
const CPU: MetricModel = { type: 'cpu', targetAverageUtilization: 100 };
const RPS: MetricModel = { type: 'requestsPerSecond', targetAverageValue: 100 };
const ready = (id: string): ReplicaReadiness => ({ id, ready: true, readySince: NOW - 60_000 });
const notReady = (id: string): ReplicaReadiness => ({ id, ready: false, readySince: null });
const sample = (replica: string, value: number, at = NOW): MetricSample => ({ replica, value, at });

describe('computeMetricProposal: missing samples', () => {
  it('GIVEN a scale-down with 2 of 4 replicas missing WHEN proposed THEN the missing count as 100% of target (3, not 1)', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 50), sample('b', 50)],
      replicas: ['a', 'b', 'c', 'd'].map(ready),
      current: 4,
    });
    expect(p.proposal).toBe(3);
    expect(p.value).toBe(50);
    expect(p.reason).toBe(
      'requestsPerSecond 50 vs target 100 (2 without a sample counted as 100% of target) → 3 replicas',
    );
  });

  it('GIVEN a scale-up with 1 of 4 missing WHEN proposed THEN the missing one counts as 0 (5, not 6)', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: ['a', 'b', 'c'].map((r) => sample(r, 150)),
      replicas: ['a', 'b', 'c', 'd'].map(ready),
      current: 4,
    });
    expect(p.proposal).toBe(5);
  });

  it('GIVEN a scale-up that the missing replicas bring within tolerance WHEN proposed THEN no change', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 200), sample('b', 200)],
      replicas: ['a', 'b', 'c', 'd'].map(ready),
      current: 4,
    });
    expect(p.proposal).toBe(4);
    expect(p.held).toBe(true);
    expect(p.reason).toContain('recomputed ratio 1 is within tolerance 0.1');
  });

  it('GIVEN a scale-up that the missing replicas reverse into a scale-down WHEN proposed THEN no change', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 120)],
      replicas: ['a', 'b', 'c', 'd'].map(ready),
      current: 4,
    });
    expect(p.proposal).toBe(4);
    expect(p.reason).toContain('reverses direction');
  });

  it('GIVEN no samples at all for the metric WHEN proposed THEN the metric is unusable', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: null,
      replicas: [ready('a')],
      current: 1,
    });
    expect(p.proposal).toBeNull();
    expect(p.value).toBeNull();
  });

  it('GIVEN a NaN sample WHEN proposed THEN it counts as missing', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 50), sample('b', Number.NaN)],
      replicas: ['a', 'b'].map(ready),
      current: 2,
    });
    expect(p.proposal).toBe(2);
    expect(p.value).toBe(50);
  });

  it('GIVEN samples only from replicas not in the list WHEN proposed THEN they are ignored', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('zz', 500)],
      replicas: [ready('a')],
      current: 1,
    });
    expect(p.proposal).toBeNull();
  });
});

describe('computeMetricProposal: not-ready replicas (cpu)', () => {
  it('GIVEN a cpu scale-up with 2 of 4 not ready WHEN proposed THEN they count as 0 and bring it within tolerance', () => {
    const p = computeMetricProposal({
      metric: CPU,
      samples: [sample('a', 200), sample('b', 200), sample('c', 0), sample('d', 0)],
      replicas: [ready('a'), ready('b'), notReady('c'), notReady('d')],
      current: 4,
    });
    expect(p.value).toBe(200);
    expect(p.proposal).toBe(4);
    expect(p.reason).toContain('2 not ready counted as 0');
  });

  it('GIVEN a cpu scale-up with 1 of 4 not ready WHEN proposed THEN the dampened ratio still scales up (6)', () => {
    const p = computeMetricProposal({
      metric: CPU,
      samples: ['a', 'b', 'c', 'd'].map((r) => sample(r, 200)),
      replicas: [ready('a'), ready('b'), ready('c'), notReady('d')],
      current: 4,
    });
    expect(p.proposal).toBe(6);
  });

  it('GIVEN a cpu scale-down with replicas not ready WHEN proposed THEN they are left out (ceil(0.2 × 2) = 1)', () => {
    const p = computeMetricProposal({
      metric: CPU,
      samples: ['a', 'b', 'c', 'd'].map((r) => sample(r, 20)),
      replicas: [ready('a'), ready('b'), notReady('c'), notReady('d')],
      current: 4,
    });
    expect(p.proposal).toBe(1);
  });

  it('GIVEN a cpu sample taken before the replica became ready WHEN proposed THEN it is treated as not ready', () => {
    const late: ReplicaReadiness = { id: 'b', ready: true, readySince: NOW - 1000 };
    const p = computeMetricProposal({
      metric: CPU,
      samples: [sample('a', 300), sample('b', 300, NOW - 5000)],
      replicas: [ready('a'), late],
      current: 2,
    });
    // a alone at 3× → 3 ready-equivalents; b at 0 → (300 + 0) / 2 = 1.5 → ceil(3) = 3.
    expect(p.proposal).toBe(3);
  });

  it('GIVEN an rps metric and a replica not ready WHEN proposed THEN its sample counts like any other', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 200), sample('b', 200)],
      replicas: [ready('a'), notReady('b')],
      current: 2,
    });
    expect(p.proposal).toBe(4);
  });

  it('GIVEN only not-ready cpu samples WHEN proposed THEN the metric is unusable', () => {
    const p = computeMetricProposal({
      metric: CPU,
      samples: [sample('a', 90)],
      replicas: [notReady('a')],
      current: 1,
    });
    expect(p.proposal).toBeNull();
  });
});

describe('computeMetricProposal: tolerance', () => {
  it('GIVEN a custom tolerance of 0.2 WHEN the ratio is 1.15 THEN no change', () => {
    const p = computeMetricProposal({
      metric: RPS,
      samples: [sample('a', 115)],
      replicas: [ready('a')],
      current: 1,
      tolerance: 0.2,
    });
    expect(p.proposal).toBe(1);
    expect(p.held).toBe(true);
  });
});
