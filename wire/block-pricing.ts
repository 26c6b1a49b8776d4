/**
 * The one home of every per-hour ↔ per-block conversion (STYLE §27): order encoding, plan cost,
 * budget checks, `status`, no-match explanations, escrow decisions and the devnet providers' asks
 * all call these functions, and nothing else converts. Prices per block are 1e18-scaled whatever
 * the token's decimals (reference §2.7); money is bigint in the token's base units.
 *
 * Blocks per hour is the exact rational 3 600 000 / blockMs and is never rounded on its own: a
 * floored 514 blocks/h at 7 s blocks once made an order offer 10.0056 USDC/h for a declared 10.
 * Each result is rounded exactly once, in the direction that keeps the promise it makes — an offer
 * never above the declared maximum (floor), a cost never below what the contracts charge (ceil).
 *
 * Pure and dependency-free on purpose: the client and the devnet both import it, and it is meant to
 * move into the shared wire module as it is.
 */

/** Prices per block are scaled by this, whatever the token's decimals. */
export const PRICE_SCALE = 10n ** 18n;

const MS_PER_HOUR = 3_600_000n;

/**
 * The block time in whole milliseconds, the unit every conversion here works in, so that
 * fractional block times (0.25 s) stay exact. Throws RangeError unless it is a positive number.
 * @example blockMs(0.25) // 250n
 */
export function blockMs(secondsPerBlock: number): bigint {
  if (!Number.isFinite(secondsPerBlock) || !(secondsPerBlock > 0))
    throw new RangeError(`secondsPerBlock must be a positive number, got ${secondsPerBlock}`);
  return BigInt(Math.max(1, Math.round(secondsPerBlock * 1000)));
}

/**
 * Blocks ordered for a lease of `durationMs`: ceil, so the lease never runs short.
 * @example blocksForDuration(2001, 2) // 2n
 */
export function blocksForDuration(durationMs: number, secondsPerBlock: number): bigint {
  const ms = BigInt(Math.ceil(durationMs));
  return ms <= 0n ? 0n : ceilDiv(ms, blockMs(secondsPerBlock));
}

/** Options of {@link maxPricePerBlock}. */
export interface MaxPricePerBlockInput {
  /** Declared max price per replica per hour, base units. */
  readonly maxPerHour: bigint;
  readonly replicas: number;
  readonly decimals: number;
  readonly secondsPerBlock: number;
}

/**
 * An order's max price per block (1e18-scaled) for a declared max per hour: the largest price
 * whose hour of blocks costs no more than the declared maximum (floor of the exact quotient).
 * @example maxPricePerBlock({ maxPerHour: 10_000_000n, replicas: 1, decimals: 6, secondsPerBlock: 7 }) // 19444444444444444n
 */
export function maxPricePerBlock(input: MaxPricePerBlockInput): bigint {
  const num =
    input.maxPerHour * BigInt(input.replicas) * PRICE_SCALE * blockMs(input.secondsPerBlock);
  return num / (unit(input.decimals) * MS_PER_HOUR);
}

/** Options of {@link perHourOfPrice}. */
export interface PerHourOfPriceInput {
  /** Price per block, 1e18-scaled. */
  readonly pricePerBlock: bigint;
  readonly decimals: number;
  readonly secondsPerBlock: number;
}

/**
 * What an hour at a price per block costs, base units: ceil, as the contracts charge, so a price
 * above a declared maximum shows above it.
 * @example perHourOfPrice({ pricePerBlock: 19455252918287937n, decimals: 6, secondsPerBlock: 7 }) // 10005559n
 */
export function perHourOfPrice(input: PerHourOfPriceInput): bigint {
  const num = input.pricePerBlock * MS_PER_HOUR * unit(input.decimals);
  return ceilDiv(num, PRICE_SCALE * blockMs(input.secondsPerBlock));
}

/** Options of {@link costOfBlocks}. */
export interface CostOfBlocksInput {
  /** Price per block, 1e18-scaled. */
  readonly pricePerBlock: bigint;
  readonly blocks: bigint;
  readonly decimals: number;
}

/**
 * Base units of `blocks` blocks at `pricePerBlock`, rounded up: the contracts' `Pricing.cost`,
 * which every lock, charge and `InsufficientBalance` check on chain uses.
 */
export function costOfBlocks(input: CostOfBlocksInput): bigint {
  return ceilDiv(input.pricePerBlock * input.blocks * unit(input.decimals), PRICE_SCALE);
}

/** Options of {@link orderTerms}. */
export interface OrderTermsInput extends MaxPricePerBlockInput {
  /** Lease duration ordered at a time, milliseconds. */
  readonly durationMs: number;
}

/** What an order of a slot says on chain, and what it costs. */
export interface OrderTerms {
  /** Max price per block, 1e18-scaled: the order's `maxPrice`. */
  readonly maxPrice: bigint;
  /** The order's `numOfBlocks`. */
  readonly numOfBlocks: bigint;
  /** Base units per hour at `maxPrice` (at most the declared maximum × replicas). */
  readonly perHour: bigint;
  /** What `createOrder` requires unlocked and the match locks at most: cost(maxPrice, numOfBlocks). */
  readonly escrow: bigint;
}

/**
 * The terms of a slot's order. The order encoder and the plan's cost both take them from here, so
 * the escrow a plan counts is by construction what the contracts require and lock.
 */
export function orderTerms(input: OrderTermsInput): OrderTerms {
  const maxPrice = maxPricePerBlock(input);
  const numOfBlocks = blocksForDuration(input.durationMs, input.secondsPerBlock);
  const { decimals, secondsPerBlock } = input;
  return {
    maxPrice,
    numOfBlocks,
    perHour: perHourOfPrice({ pricePerBlock: maxPrice, decimals, secondsPerBlock }),
    escrow: costOfBlocks({ pricePerBlock: maxPrice, blocks: numOfBlocks, decimals }),
  };
}

/** Options of {@link askPricePerBlock}. */
export interface AskPricePerBlockInput {
  /** An hourly rate, 1e18-scaled, as the exact fraction `numerator / denominator`. */
  readonly numerator: bigint;
  readonly denominator: bigint;
  readonly secondsPerBlock: number;
}

/**
 * A seller's price per block (1e18-scaled) for an hourly rate: ceil, so a provider never asks less
 * than its rate; the rate is a fraction so that nothing is rounded before this one step.
 */
export function askPricePerBlock(input: AskPricePerBlockInput): bigint {
  return ceilDiv(input.numerator * blockMs(input.secondsPerBlock), input.denominator * MS_PER_HOUR);
}

/**
 * Hours that `blocks` blocks last, to two decimals rounded down (a runway never overstated).
 * @example hoursOfBlocks(1800n, 2) // 1
 */
export function hoursOfBlocks(blocks: bigint, secondsPerBlock: number): number {
  if (blocks <= 0n) return 0;
  return Number((blocks * blockMs(secondsPerBlock) * 100n) / MS_PER_HOUR) / 100;
}

/** Options of {@link unspentLock}. */
export interface UnspentLockInput {
  /** The lease's accepted price per block, 1e18-scaled. */
  readonly acceptedPrice: bigint;
  /** Blocks the lease was locked for (its order's numOfBlocks when it started). */
  readonly numOfBlocks: bigint;
  readonly startBlock: bigint;
  /** The block at which the lease is settled. */
  readonly atBlock: bigint;
  readonly decimals: number;
}

/**
 * What settling a lease at `atBlock` gives back to the tenant's unlocked escrow, base units — the
 * contracts' `ComputeLease._settle` over the lock `_start` took: locked = cost(price, numOfBlocks),
 * the provider is paid cost(price, elapsed blocks, capped at numOfBlocks), the rest is unlocked.
 * This, not the wallet's whole locked balance, is what an in-place update frees for its new lock.
 */
export function unspentLock(input: UnspentLockInput): bigint {
  const { acceptedPrice: pricePerBlock, decimals } = input;
  const locked = costOfBlocks({ pricePerBlock, blocks: input.numOfBlocks, decimals });
  const ran = input.atBlock - input.startBlock;
  const elapsed = ran < 0n ? 0n : ran > input.numOfBlocks ? input.numOfBlocks : ran;
  const paid = costOfBlocks({ pricePerBlock, blocks: elapsed, decimals });
  return paid >= locked ? 0n : locked - paid;
}

function unit(decimals: number): bigint {
  return 10n ** BigInt(decimals);
}

function ceilDiv(num: bigint, den: bigint): bigint {
  return num <= 0n ? 0n : (num - 1n) / den + 1n;
}
