import { formatScaled } from './decimal.js';
import { roundSignificant } from './format-for-people.js';

/**
 * Formats base units as whole tokens in the shortest exact form: `(750000n, 6)` → `"0.75"`,
 * `(2000000n, 6)` → `"2"`. The inverse of `parseTokenAmount`.
 */
export function formatTokenAmount(base: bigint, decimals: number): string {
  if (!Number.isSafeInteger(decimals) || decimals < 0) {
    throw new RangeError(
      `formatTokenAmount: expected non-negative integer decimals, got ${decimals}`,
    );
  }
  return formatScaled(base, decimals);
}

/** Base units as whole tokens with the symbol: `(4749030n, 6, "USDT")` → `"4.74903 USDT"`. */
export function formatTokenForPeople(base: bigint, decimals: number, symbol: string): string {
  return `${formatTokenAmount(base, decimals)} ${symbol}`;
}

/**
 * A rate per hour in base units, rounded to `significant` significant digits (never dropping
 * integer digits): `(176001n, 6, "USDT", 3)` → `"0.176 USDT/h"`. For rates derived from a price
 * per block, whose last digits are an artefact of the per-block rounding, not a price anyone set.
 */
export function formatPerHourForPeople(
  base: bigint,
  decimals: number,
  symbol: string,
  significant = 6,
): string {
  return `${roundSignificant(formatTokenAmount(base, decimals), significant)} ${symbol}/h`;
}
