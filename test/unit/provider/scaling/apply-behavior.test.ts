import { describe, expect, it } from '@jest/globals';
import { applyBehavior, describePolicy } from '../../../../provider/scaling/apply-behavior.js';
import { BEHAVIOR_DEFAULTS } from '../../../../provider/spec/normalize-autoscaling.js';
import type { ScalingRulesModel } from '../../../../provider/spec/model-types.js';

const NOW = 10_000_000;
const base = { ...BEHAVIOR_DEFAULTS, events: [], now: NOW };

describe('applyBehavior', () => {
  it('GIVEN desired equal to current WHEN applied THEN nothing to limit', () => {
    expect(applyBehavior({ ...base, current: 3, desired: 3 })).toEqual({
      replicas: 3,
      limit: null,
      reason: null,
    });
  });

  it('GIVEN the default scale-up WHEN 2 ask for 100 THEN 6 (2 + 4 beats 2 × 2)', () => {
    expect(applyBehavior({ ...base, current: 2, desired: 100 }).replicas).toBe(6);
  });

  it('GIVEN a scale-up of 4 already made in the period WHEN more is asked THEN the period start caps it', () => {
    const events = [{ at: NOW - 5000, from: 2, to: 6 }];
    // period start 2 → max(2 × 2, 2 + 4) = 6: nothing more this period.
    expect(applyBehavior({ ...base, events, current: 6, desired: 20 }).replicas).toBe(6);
  });

  it('GIVEN the default scale-down (100%/15s) WHEN 10 ask for 1 THEN 1', () => {
    expect(applyBehavior({ ...base, current: 10, desired: 1 }).replicas).toBe(1);
  });

  it('GIVEN a Percent scale-up on a small count WHEN applied THEN rounded up so it can move (1 × 1.1 → 2)', () => {
    const scaleUp: ScalingRulesModel = {
      stabilizationWindow: 0,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 10, period: 60_000 }],
    };
    expect(applyBehavior({ ...base, scaleUp, current: 1, desired: 5 }).replicas).toBe(2);
  });

  it('GIVEN scale-up and scale-down in the same period WHEN applied THEN both count (net change)', () => {
    const scaleDown: ScalingRulesModel = {
      stabilizationWindow: 0,
      selectPolicy: 'Max',
      policies: [{ type: 'Replicas', value: 2, period: 60_000 }],
    };
    const events = [
      { at: NOW - 30_000, from: 5, to: 8 },
      { at: NOW - 20_000, from: 8, to: 7 },
    ];
    // period start = 7 − (3 − 1) = 5; limit 5 − 2 = 3.
    expect(applyBehavior({ ...base, scaleDown, events, current: 7, desired: 1 }).replicas).toBe(3);
  });

  it('GIVEN an empty policy list WHEN a change is asked THEN it is held as disabled', () => {
    const scaleUp: ScalingRulesModel = {
      stabilizationWindow: 0,
      selectPolicy: 'Max',
      policies: [],
    };
    expect(applyBehavior({ ...base, scaleUp, current: 2, desired: 5 }).replicas).toBe(2);
  });

  it('GIVEN policies WHEN described THEN type, value and period read naturally', () => {
    expect(describePolicy({ type: 'Percent', value: 100, period: 15_000 })).toBe(
      'Percent 100%/15s',
    );
    expect(describePolicy({ type: 'Replicas', value: 4, period: 60_000 })).toBe('Replicas 4/1m');
  });
});
