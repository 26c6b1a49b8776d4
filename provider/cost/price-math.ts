/**
 * Token amounts over time, apart from blocks: runway.
 * Every per-hour ↔ per-block conversion lives in wire/block-pricing.ts, never here.
 */

/**
 * Hours `available` lasts at `perHour`, to two decimals rounded down; null when nothing runs.
 */
export function runwayHours(available: bigint, perHour: bigint): number | null {
  if (perHour <= 0n) return null;
  return Number((available * 100n) / perHour) / 100;
}
