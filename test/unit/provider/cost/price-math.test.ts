import { describe, expect, it } from '@jest/globals';
import { runwayHours } from '../../../../provider/cost/price-math.js';

// The block and price conversions are tested against an exact oracle in
// test/unit/wire/block-pricing.test.ts.
describe('price math', () => {
  it('GIVEN an escrow and a per-hour cost WHEN runway is computed THEN hours rounded down to 2 decimals', () => {
    expect(runwayHours(10_000_000n, 3_000_000n)).toBe(3.33);
    expect(runwayHours(10n, 0n)).toBeNull();
  });
});
