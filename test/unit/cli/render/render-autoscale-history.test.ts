import { describe, expect, it } from '@jest/globals';
import {
  renderAutoscaleHistory,
  renderChart,
} from '../../../../cli/render/render-autoscale-history.js';
import { PLAIN } from '../../../../cli/render/style.js';
import type { AutoscaleDecisionEvent } from '../../../../cli/provider-api.js';

const event = (i: number, current: number, rps: number | null): AutoscaleDecisionEvent => ({
  type: 'decision',
  at: new Date(Date.UTC(2026, 2, 1, 12, 0, i)).toISOString(),
  resource: 'instance.web',
  current,
  desired: current,
  metrics: [{ name: 'requestsPerSecond', value: rps, target: 10 }],
  health: [],
  action: 'none',
  blockedBy: null,
  reasons: [],
});

describe('renderChart', () => {
  it('GIVEN counts 1 to 4 WHEN drawn in ASCII with 4 rows THEN one column per value, taller for more', () => {
    const rows = renderChart('replicas', [1, 2, 3, 4], null, {
      style: PLAIN,
      unicode: false,
      height: 4,
    });
    expect(rows).toEqual(['replicas', '4 |   #', '  |  ##', '  | ###', '  |####', '  +----']);
  });

  it('GIVEN a target WHEN drawn THEN its row is marked where no column reaches it, and a missing value is a dot', () => {
    const rows = renderChart('rps', [20, null, 5], 10, { style: PLAIN, unicode: true, height: 4 });
    expect(rows).toEqual([
      'rps (target 10, - marks it)',
      '20 |█  ',
      '   |█  ',
      '10 |█--',
      '   |█·█',
      '   +---',
    ]);
  });
});

describe('renderAutoscaleHistory', () => {
  it('GIVEN no decisions WHEN rendered THEN it says how to get some', () => {
    expect(renderAutoscaleHistory([], { style: PLAIN, unicode: false })).toMatch(
      /leasehold autoscale/,
    );
  });

  it('GIVEN decisions WHEN rendered THEN a replicas chart, a metric chart and one line per decision', () => {
    const out = renderAutoscaleHistory([event(0, 2, 25), event(5, 5, 10), event(10, 5, 9)], {
      style: PLAIN,
      unicode: false,
      height: 3,
    });
    expect(out).toContain('instance.web  12:00:00 → 12:00:10');
    expect(out).toContain('replicas');
    expect(out).toContain('requestsPerSecond (target 10, - marks it)');
    expect(out.split('\n').filter((l) => l.includes(' instance.web '))).toHaveLength(3);
    expect(out).not.toMatch(/[█·]/);
  });
});
