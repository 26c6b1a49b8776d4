/**
 * Token amounts over time, apart from blocks: runway and the exact decimal form of an amount.
 * Every per-hour ↔ per-block conversion lives in devnet/protocol/block-pricing.ts, never here.
 */

/**
 * Hours `available` lasts at `perHour`, to two decimals rounded down; null when nothing runs.
 */
export function runwayHours(available: bigint, perHour: bigint): number | null {
  if (perHour <= 0n) return null;
  return Number((available * 100n) / perHour) / 100;
}

/**
 * Base units as a decimal token amount, trailing zeros dropped.
 * @example formatTokens(1_500_000n, 6) === '1.5'
 */
export function formatTokens(amount: bigint, decimals: number): string {
  const neg = amount < 0n;
  const abs = neg ? -amount : amount;
  const unit = 10n ** BigInt(decimals);
  const frac = (abs % unit).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${abs / unit}${frac === '' ? '' : `.${frac}`}`;
}
