// An independent oracle for block pricing, written apart from wire/block-pricing.ts and
// sharing nothing with it: exact rational numbers (bigint numerator over a positive bigint
// denominator), the rules stated as the contracts and the docs state them, and rounding done only
// where a rule says so. Tests compare the code against it; never import code under test here.

/** An exact rational number n / d with d > 0. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

/** n / d as a rational (d ≠ 0; the sign moves to n). */
export function rat(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('zero denominator');
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The largest integer ≤ q. */
export function floor(q: Rational): bigint {
  const t = q.n / q.d; // truncates toward zero
  return q.n < 0n && t * q.d !== q.n ? t - 1n : t;
}

/** The smallest integer ≥ q. */
export function ceil(q: Rational): bigint {
  return -floor(rat(-q.n, q.d));
}

/** 1e18: the scale of a price per block (reference §2.7). */
const SCALE = rat(10n ** 18n);

/** Blocks in one hour when a block takes `ms` milliseconds: 3600 s ÷ (ms / 1000 s), exactly. */
export function blocksPerHourOf(ms: bigint): Rational {
  return div(rat(3600n), rat(ms, 1000n));
}

/**
 * What one hour at `pricePerBlock` (1e18-scaled) costs in base units of a token with `decimals`,
 * exactly: price ÷ 1e18 tokens per block × blocks per hour × 10^decimals base units per token.
 */
export function hourlyCost(pricePerBlock: bigint, ms: bigint, decimals: number): Rational {
  const tokensPerBlock = div(rat(pricePerBlock), SCALE);
  return mul(mul(tokensPerBlock, blocksPerHourOf(ms)), rat(10n ** BigInt(decimals)));
}

/** The exact price per block (1e18-scaled) at which one hour costs `perHour` base units. */
export function exactPricePerBlock(perHour: bigint, ms: bigint, decimals: number): Rational {
  const tokensPerHour = div(rat(perHour), rat(10n ** BigInt(decimals)));
  return mul(div(tokensPerHour, blocksPerHourOf(ms)), SCALE);
}

/** Blocks a lease of `durationMs` needs so it never runs short: ⌈duration ÷ block time⌉. */
export function blocksNeeded(durationMs: bigint, ms: bigint): bigint {
  return ceil(rat(durationMs, ms));
}

/**
 * The contracts' `Pricing.cost(price, blocks, decimals)`: base units of `blocks` blocks at a
 * 1e18-scaled price, rounded up to the base unit.
 */
export function contractCost(pricePerBlock: bigint, blocks: bigint, decimals: number): bigint {
  return ceil(mul(div(rat(pricePerBlock * blocks), SCALE), rat(10n ** BigInt(decimals))));
}

/**
 * The tenant's escrow a lease frees when ComputeLease settles it at `atBlock`, by simulating
 * `_start` (lock cost(price, numOfBlocks)) and `_settle` (pay cost(price, elapsed ≤ numOfBlocks),
 * at most the lock; unlock the rest).
 */
export function contractUnlockAtSettle(o: {
  price: bigint;
  numOfBlocks: bigint;
  startBlock: bigint;
  atBlock: bigint;
  decimals: number;
}): bigint {
  const locked = contractCost(o.price, o.numOfBlocks, o.decimals);
  let elapsed = o.atBlock - o.startBlock;
  if (elapsed > o.numOfBlocks) elapsed = o.numOfBlocks;
  if (elapsed < 0n) elapsed = 0n; // a settle cannot precede the start; the contract would underflow
  let pay = contractCost(o.price, elapsed, o.decimals);
  if (pay > locked) pay = locked;
  return locked - pay;
}

/** Every block time a network can really take from 0.25 s to 30 s in quarter seconds, in ms. */
export const QUARTER_SECOND_BLOCK_TIMES: readonly bigint[] = Array.from({ length: 120 }, (_, i) =>
  BigInt((i + 1) * 250),
);
