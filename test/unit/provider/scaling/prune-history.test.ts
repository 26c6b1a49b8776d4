import { describe, expect, it } from '@jest/globals';
import { pruneHistory } from '../../../../provider/scaling/prune-history.js';
import { BEHAVIOR_DEFAULTS } from '../../../../provider/spec/normalize-autoscaling.js';

const NOW = 10_000_000;
const policy = {
  instance: 'instance.web',
  min: 1,
  max: 5,
  metrics: [],
  ...BEHAVIOR_DEFAULTS,
  cooldown: 30_000,
};

describe('pruneHistory', () => {
  it('GIVEN old and recent entries WHEN pruned THEN only what a window, period or cooldown can see stays, plus the newest event', () => {
    const h = pruneHistory(
      {
        recommendations: [
          { at: NOW - 400_000, replicas: 9 },
          { at: NOW - 100_000, replicas: 3 },
        ],
        events: [
          { at: NOW - 200_000, from: 1, to: 2 },
          { at: NOW - 100_000, from: 2, to: 3 },
        ],
      },
      policy,
      NOW,
    );
    expect(h.recommendations).toEqual([{ at: NOW - 100_000, replicas: 3 }]);
    expect(h.events).toEqual([{ at: NOW - 100_000, from: 2, to: 3 }]);
  });
});
