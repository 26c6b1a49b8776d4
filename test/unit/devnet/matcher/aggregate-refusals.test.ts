import { describe, expect, it } from '@jest/globals';
import { aggregateRefusals } from '../../../../devnet/matcher/aggregate-refusals.js';

const five = ['p1', 'p2', 'p3', 'p4', 'p5'];

describe('aggregateRefusals', () => {
  it('GIVEN every provider refuses on region and gpu WHEN aggregating THEN both constraints show 0/5', () => {
    const refusals = five.map((provider) => ({
      provider,
      reason: 'region=ap-south; gpu model h200',
    }));
    expect(aggregateRefusals({ refusals, providerCount: 5 })).toBe(
      'no provider met: gpu model h200 (0/5), region=ap-south (0/5)',
    );
  });

  it('GIVEN constraints met by some providers WHEN aggregating THEN the least-met comes first', () => {
    const refusals = [
      { provider: 'p1', reason: 'region=ap-south' },
      { provider: 'p2', reason: 'region=ap-south; gpu model h200' },
      { provider: 'p3', reason: 'gpu model h200' },
      { provider: 'p4', reason: 'region=ap-south' },
      { provider: 'p5', reason: 'capacity cpu' },
    ];
    expect(aggregateRefusals({ refusals, providerCount: 5 })).toBe(
      'no provider met: region=ap-south (2/5), gpu model h200 (3/5), capacity cpu (4/5)',
    );
  });

  it('GIVEN the same provider reports twice WHEN aggregating THEN it counts once', () => {
    const refusals = [
      { provider: 'p1', reason: 'tier 2' },
      { provider: 'p1', reason: 'tier 2' },
    ];
    expect(aggregateRefusals({ refusals, providerCount: 2 })).toBe(
      'no provider met: tier 2 (1/2), 1/2 gave no reason',
    );
  });

  it('GIVEN no refusals and no bids WHEN aggregating THEN it says nobody gave a reason', () => {
    expect(aggregateRefusals({ refusals: [], providerCount: 5 })).toBe(
      'no provider bid: 5/5 gave no reason',
    );
  });

  it('GIVEN providers that bid WHEN aggregating THEN they are not counted as silent', () => {
    const refusals = [{ provider: 'p1', reason: 'token USDC' }];
    expect(aggregateRefusals({ refusals, providerCount: 3, bidders: ['p2', 'p3'] })).toBe(
      'no provider met: token USDC (2/3)',
    );
    expect(aggregateRefusals({ refusals: [], providerCount: 2, bidders: ['p1', 'p2'] })).toBe(
      'every provider bid',
    );
  });
});
