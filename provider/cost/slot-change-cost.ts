import type { Action, CostDelta } from '../../cli/plan/plan-types.js';
import { orderTerms, perHourOfPrice } from '../../wire/block-pricing.js';

/** What the new lease of a slot would be ordered at. */
export interface SlotOrderTerms {
  /** Max price per replica per hour, base units. */
  readonly maxPerHour: bigint;
  readonly replicas: number;
  readonly durationMs: number;
}

/** Options of {@link slotChangeCost}. */
export interface SlotChangeCostInput {
  readonly action: Action;
  /** Token symbol the cost is counted in. */
  readonly token: string;
  readonly decimals: number;
  readonly secondsPerBlock: number;
  /** Accepted price per block (1e18-scaled) of the slot's current lease; null when none. */
  readonly acceptedPrice: bigint | null;
  /** Terms of the order a create, replace or update sends; null for deletes. */
  readonly desired: SlotOrderTerms | null;
}

/**
 * The cost of one slot change: kept leases cost their accepted price; new and changed
 * ones their max price, and lock escrow for the whole duration at that price (an upper bound — the
 * accepted price is known only at match). The new terms are the order encoder's own (`orderTerms`),
 * so the escrow counted here is exactly what `createOrder` requires and the match locks at most.
 */
export function slotChangeCost(input: SlotChangeCostInput): CostDelta {
  const perHour = (price: bigint): bigint =>
    perHourOfPrice({
      pricePerBlock: price,
      decimals: input.decimals,
      secondsPerBlock: input.secondsPerBlock,
    });
  const before = input.acceptedPrice === null ? 0n : perHour(input.acceptedPrice);
  const out = (after: bigint, lock: bigint): CostDelta => ({
    token: input.token,
    perHourBefore: before.toString(),
    perHourAfter: after.toString(),
    escrowToLock: lock.toString(),
  });
  if (input.action === 'delete' || input.desired === null) return out(0n, 0n);
  if (input.action === 'no-op' || input.action === 'read') return out(before, 0n);
  const terms = orderTerms({
    ...input.desired,
    decimals: input.decimals,
    secondsPerBlock: input.secondsPerBlock,
  });
  return out(terms.perHour, terms.escrow);
}
