/**
 * The money and block arithmetic of an order (design decision 3). All bigint, no floats. The
 * reference SDK rounds maxPrice to nearest (10/h at 1800 blocks/h → 5555555555555556); we FLOOR
 * (→ 5555555555555555) so the price offered never exceeds the user's declared maximum.
 */
import { escrowCost } from '../../devnet/chain/escrow-cost.js';

const SCALE = 10n ** 18n;

/** Inputs of {@link maxPricePerBlock}. */
export interface MaxPriceInput {
  /** Max per replica per hour, token base units. */
  readonly maxPerHour: bigint;
  readonly replicas: number;
  readonly decimals: number;
  readonly secondsPerBlock: number;
}

/** Blocks per hour at `secondsPerBlock` (3600 / s, which must divide evenly or is floored). */
export function blocksPerHour(secondsPerBlock: number): bigint {
  if (!(secondsPerBlock > 0))
    throw new RangeError(`secondsPerBlock must be > 0, got ${secondsPerBlock}`);
  // Fractional block times (0.5 s) stay exact by working in milliseconds.
  return 3_600_000n / BigInt(Math.round(secondsPerBlock * 1000));
}

/** numOfBlocks = ceil(duration_ms / (secondsPerBlock · 1000)). */
export function blocksFor(durationMs: number, secondsPerBlock: number): bigint {
  const per = BigInt(Math.round(secondsPerBlock * 1000));
  const ms = BigInt(Math.ceil(durationMs));
  return ms === 0n ? 0n : (ms - 1n) / per + 1n;
}

/**
 * Max price per block, 1e18-scaled: floor(maxPerHour × replicas × 1e18 / (10^decimals × blocksPerHour)).
 * @example maxPricePerBlock({ maxPerHour: 10_000_000n, replicas: 1, decimals: 6, secondsPerBlock: 2 }) // 5555555555555555n
 */
export function maxPricePerBlock(input: MaxPriceInput): bigint {
  const num = input.maxPerHour * BigInt(input.replicas) * SCALE;
  const den = 10n ** BigInt(input.decimals) * blocksPerHour(input.secondsPerBlock);
  return num / den;
}

/** Escrow a new lease locks at `maxPrice` for `blocks` (ceil, as the contracts). */
export function escrowToLock(maxPrice: bigint, blocks: bigint, decimals: number): bigint {
  return escrowCost({ pricePerBlock: maxPrice, blocks, decimals });
}

/** Per-hour cost of a lease at `pricePerBlock`: ceil(price × blocksPerHour × 10^decimals / 1e18). */
export function perHourCost(
  pricePerBlock: bigint,
  decimals: number,
  secondsPerBlock: number,
): bigint {
  const num = pricePerBlock * blocksPerHour(secondsPerBlock) * 10n ** BigInt(decimals);
  return num === 0n ? 0n : (num - 1n) / SCALE + 1n;
}
