import { describe, expect, it } from '@jest/globals';
import { stabilize } from '../../../../provider/scaling/stabilize.js';

const NOW = 10_000_000;
const base = { now: NOW, scaleUpWindow: 0, scaleDownWindow: 300_000 };

describe('stabilize', () => {
  it('GIVEN no history WHEN stabilized THEN the recommendation stands', () => {
    expect(stabilize({ ...base, current: 4, recommendation: 2, history: [] })).toEqual({
      replicas: 2,
      reason: null,
    });
  });

  it('GIVEN recommendations 5 and 3 in the down window WHEN 2 is recommended THEN the highest, 5', () => {
    const history = [
      { at: NOW - 200_000, replicas: 5 },
      { at: NOW - 100_000, replicas: 3 },
    ];
    expect(stabilize({ ...base, current: 6, recommendation: 2, history }).replicas).toBe(5);
  });

  it('GIVEN the highest above current WHEN a scale-down is recommended THEN current is kept, never a scale-up', () => {
    const history = [{ at: NOW - 10_000, replicas: 9 }];
    expect(stabilize({ ...base, current: 6, recommendation: 2, history }).replicas).toBe(6);
  });

  it('GIVEN a recommendation exactly one window old WHEN stabilized THEN it has left the window', () => {
    const history = [{ at: NOW - 300_000, replicas: 9 }];
    expect(stabilize({ ...base, current: 6, recommendation: 2, history }).replicas).toBe(2);
  });

  it('GIVEN a zero scale-up window WHEN a scale-up is recommended THEN it is not held', () => {
    const history = [{ at: NOW - 1, replicas: 1 }];
    expect(stabilize({ ...base, current: 2, recommendation: 8, history }).replicas).toBe(8);
  });

  it('GIVEN a 1m scale-up window with 3 in it WHEN 8 is recommended from 2 THEN 3', () => {
    const history = [{ at: NOW - 30_000, replicas: 3 }];
    const r = stabilize({ ...base, scaleUpWindow: 60_000, current: 2, recommendation: 8, history });
    expect(r).toEqual({
      replicas: 3,
      reason: 'scale-up stabilization keeps 3 (lowest recommendation in the last 1m)',
    });
  });

  it('GIVEN a recommendation from the future (clock skew) WHEN stabilized THEN it is ignored', () => {
    const history = [{ at: NOW + 10_000, replicas: 9 }];
    expect(stabilize({ ...base, current: 6, recommendation: 2, history }).replicas).toBe(2);
  });
});
