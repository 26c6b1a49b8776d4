const SCALE = 10n ** 18n;

/** Options of {@link escrowCost}. */
export interface EscrowCostInput {
  /** Price per block, scaled by 1e18 whatever the token's decimals (reference §2.7). */
  readonly pricePerBlock: bigint;
  readonly blocks: bigint;
  readonly decimals: number;
}

/**
 * Base units of the token for `blocks` blocks at `pricePerBlock`, rounded UP: the same arithmetic as
 * the contracts' `Pricing.cost`, so locks and charges never under-pay the provider.
 */
export function escrowCost(input: EscrowCostInput): bigint {
  const num = input.pricePerBlock * input.blocks * 10n ** BigInt(input.decimals);
  return num === 0n ? 0n : (num - 1n) / SCALE + 1n;
}
