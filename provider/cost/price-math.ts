/**
 * Money and blocks (decision 3), all bigint and exact. Block time is taken in whole milliseconds so
 * that a fractional `secondsPerBlock` stays exact; with whole seconds every formula reduces to the
 * one in the design (blocksPerHour = 3600 / secondsPerBlock).
 */
import { escrowCost } from '../../devnet/chain/escrow-cost.js';

const SCALE = 10n ** 18n;
const MS_PER_HOUR = 3_600_000n;

/** Block time in whole milliseconds (at least 1). */
export function blockMs(secondsPerBlock: number): bigint {
  return BigInt(Math.max(1, Math.round(secondsPerBlock * 1000)));
}

/** Blocks ordered for a lease of `durationMs`: ceil, so the lease never runs short. */
export function numOfBlocks(durationMs: number, secondsPerBlock: number): bigint {
  const ms = BigInt(durationMs);
  const per = blockMs(secondsPerBlock);
  return ms === 0n ? 0n : (ms - 1n) / per + 1n;
}

/** Options of {@link maxPricePerBlock}. */
export interface MaxPriceInput {
  /** Max price per replica per hour, base units. */
  readonly maxPerHour: bigint;
  readonly replicas: number;
  readonly decimals: number;
  readonly secondsPerBlock: number;
}

/**
 * The order's max price per block, 1e18-scaled: floor, so Leasehold never offers more than the
 * user's max per hour.
 */
export function maxPricePerBlock(input: MaxPriceInput): bigint {
  const num = input.maxPerHour * BigInt(input.replicas) * SCALE * blockMs(input.secondsPerBlock);
  return num / (10n ** BigInt(input.decimals) * MS_PER_HOUR);
}

/** Options of {@link perHourOfPrice}. */
export interface PerHourInput {
  /** Price per block, 1e18-scaled. */
  readonly pricePerBlock: bigint;
  readonly decimals: number;
  readonly secondsPerBlock: number;
}

/** What a price per block costs per hour in base units: ceil, as the contracts charge. */
export function perHourOfPrice(input: PerHourInput): bigint {
  const num = input.pricePerBlock * MS_PER_HOUR * 10n ** BigInt(input.decimals);
  const den = SCALE * blockMs(input.secondsPerBlock);
  return num === 0n ? 0n : (num - 1n) / den + 1n;
}

/** Escrow a new order locks at match, at its max price (ceil, as the contracts' `Pricing.cost`). */
export function escrowToLock(input: {
  readonly maxPrice: bigint;
  readonly blocks: bigint;
  readonly decimals: number;
}): bigint {
  return escrowCost({
    pricePerBlock: input.maxPrice,
    blocks: input.blocks,
    decimals: input.decimals,
  });
}

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
