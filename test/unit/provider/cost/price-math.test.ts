import { describe, expect, it } from '@jest/globals';
import {
  escrowToLock,
  formatTokens,
  maxPricePerBlock,
  numOfBlocks,
  perHourOfPrice,
  runwayHours,
} from '../../../../provider/cost/price-math.js';

describe('price math', () => {
  it('GIVEN 1 h at 2 s blocks WHEN counted THEN 1800 blocks', () => {
    expect(numOfBlocks(3_600_000, 2)).toBe(1800n);
  });

  it('GIVEN a duration one ms past a block WHEN counted THEN it rounds up to one more block', () => {
    expect(numOfBlocks(2001, 2)).toBe(2n);
    expect(numOfBlocks(2000, 2)).toBe(1n);
  });

  it('GIVEN 1 USDT/h for 2 replicas at 2 s blocks WHEN priced THEN maxPrice = 2e6 × 1e18 / (1e6 × 1800)', () => {
    // 2_000_000 × 1e18 / (1e6 × 1800) = 1.111…e15 → floor
    expect(
      maxPricePerBlock({ maxPerHour: 1_000_000n, replicas: 2, decimals: 6, secondsPerBlock: 2 }),
    ).toBe(1_111_111_111_111_111n);
  });

  it('GIVEN a max per hour that does not divide WHEN priced THEN floor never offers more than the max', () => {
    const price = maxPricePerBlock({
      maxPerHour: 1n,
      replicas: 1,
      decimals: 6,
      secondsPerBlock: 1,
    });
    expect(price).toBe(277_777_777n); // 1e18 / (1e6 × 3600) = 277777777.77…
    expect(perHourOfPrice({ pricePerBlock: price, decimals: 6, secondsPerBlock: 1 })).toBe(1n);
    expect(price * 3600n * 10n ** 6n <= 1n * 10n ** 18n).toBe(true);
  });

  it('GIVEN an accepted price WHEN converted per hour THEN ceil to the base unit', () => {
    // 1e9 × 3600 × 1e6 / 1e18 = 3.6 → 4
    expect(perHourOfPrice({ pricePerBlock: 1_000_000_000n, decimals: 6, secondsPerBlock: 1 })).toBe(
      4n,
    );
    expect(perHourOfPrice({ pricePerBlock: 0n, decimals: 6, secondsPerBlock: 1 })).toBe(0n);
  });

  it('GIVEN an exact price WHEN converted per hour THEN no rounding is added', () => {
    const price = maxPricePerBlock({
      maxPerHour: 720_000n,
      replicas: 1,
      decimals: 6,
      secondsPerBlock: 1,
    });
    expect(price).toBe(200_000_000_000_000n);
    expect(perHourOfPrice({ pricePerBlock: price, decimals: 6, secondsPerBlock: 1 })).toBe(
      720_000n,
    );
  });

  it('GIVEN a max price and blocks WHEN locked THEN ceil like the contracts', () => {
    expect(escrowToLock({ maxPrice: 277_777_777n, blocks: 3600n, decimals: 6 })).toBe(1n);
    expect(escrowToLock({ maxPrice: 10n ** 12n, blocks: 1n, decimals: 6 })).toBe(1n);
    expect(escrowToLock({ maxPrice: 10n ** 12n, blocks: 1_000_000n, decimals: 6 })).toBe(
      1_000_000n,
    );
  });

  it('GIVEN an escrow and a per-hour cost WHEN runway is computed THEN hours rounded down to 2 decimals', () => {
    expect(runwayHours(10_000_000n, 3_000_000n)).toBe(3.33);
    expect(runwayHours(10n, 0n)).toBeNull();
  });

  it('GIVEN base units WHEN formatted THEN a decimal amount without trailing zeros', () => {
    expect(formatTokens(1_500_000n, 6)).toBe('1.5');
    expect(formatTokens(2_000_000n, 6)).toBe('2');
    expect(formatTokens(1n, 6)).toBe('0.000001');
  });

  it('GIVEN a fractional block time WHEN priced THEN arithmetic stays exact in milliseconds', () => {
    expect(numOfBlocks(1000, 0.5)).toBe(2n);
    expect(
      maxPricePerBlock({ maxPerHour: 7_200_000n, replicas: 1, decimals: 6, secondsPerBlock: 0.5 }),
    ).toBe(10n ** 15n);
  });
});
