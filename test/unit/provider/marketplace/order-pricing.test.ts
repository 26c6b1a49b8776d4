import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  blocksFor,
  blocksPerHour,
  escrowToLock,
  maxPricePerBlock,
  perHourCost,
} from '../../../../provider/marketplace/order-pricing.js';

describe('order pricing', () => {
  it('GIVEN 10 tokens/h at 1800 blocks/h WHEN the max price is computed THEN it is floored to 5555555555555555 (the SDK rounds to …556)', () => {
    expect(
      maxPricePerBlock({ maxPerHour: 10_000_000n, replicas: 1, decimals: 6, secondsPerBlock: 2 }),
    ).toBe(5_555_555_555_555_555n);
  });

  it('GIVEN 3 replicas WHEN the max price is computed THEN it covers all three', () => {
    expect(
      maxPricePerBlock({ maxPerHour: 1_000_000n, replicas: 3, decimals: 6, secondsPerBlock: 1 }),
    ).toBe((3n * 10n ** 18n) / 3600n);
  });

  it('GIVEN 2 h at 2 s blocks WHEN blocks are computed THEN 3600; a partial block rounds up', () => {
    expect(blocksFor(2 * 3600 * 1000, 2)).toBe(3600n);
    expect(blocksFor(2001, 2)).toBe(2n);
    expect(blocksPerHour(2)).toBe(1800n);
    expect(blocksPerHour(1)).toBe(3600n);
  });

  it('GIVEN the reference order WHEN escrow is computed THEN it is ceil(price × blocks × 10^6 / 1e18)', () => {
    // 5555555555555555 × 3600 × 1e6 / 1e18 = 19999999.99… → 20000000 (ceil)
    expect(escrowToLock(5_555_555_555_555_555n, 3600n, 6)).toBe(20_000_000n);
  });

  it('GIVEN any max per hour WHEN the floored price is charged for an hour THEN it never exceeds the max', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom(1, 2),
        (max, replicas, spb) => {
          const price = maxPricePerBlock({
            maxPerHour: max,
            replicas,
            decimals: 6,
            secondsPerBlock: spb,
          });
          const perHour = (price * blocksPerHour(spb) * 10n ** 6n) / 10n ** 18n;
          expect(perHour <= max * BigInt(replicas)).toBe(true);
        },
      ),
    );
  });

  it('GIVEN an accepted price WHEN the per-hour cost is computed THEN it rounds up to the base unit', () => {
    expect(perHourCost(5_555_555_555_555_555n, 6, 2)).toBe(10_000_000n);
    expect(perHourCost(0n, 6, 2)).toBe(0n);
    expect(perHourCost(1n, 6, 2)).toBe(1n);
  });
});
