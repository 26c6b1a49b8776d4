import { formatScaled } from './decimal.js';

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
