/**
 * The escrow decision made once before any order, so an apply never fails halfway for want of
 * escrow: what the plan locks per token
 * against what escrow holds, and what to deposit within the stack budget. Pure.
 */

/** One in-place update: what its new terms lock, and what settling its own lease frees first. */
export interface UpdateLock {
  /** Escrow the update's new terms lock at most, base units. */
  readonly lock: bigint;
  /**
   * This lease's unspent lock when the update lands (`unspentLock`): the only part of the locked
   * balance the chain releases for it. Other leases' locks stay locked.
   */
  readonly credit: bigint;
}

/** What one token's plan needs and what the tenant holds, base units. */
export interface DecideEscrowTopUpInput {
  /** Σ escrow to lock by creates and replacements (counted against unlocked escrow). */
  readonly lockNew: bigint;
  /** In-place updates: each needs unlocked escrow for what its lock exceeds its own credit. */
  readonly updates: readonly UpdateLock[];
  readonly unlocked: bigint;
  /** The whole locked balance: only for the `maxDeposit` ceiling, never credited to a plan. */
  readonly locked: bigint;
  /** Tokens in the wallet, available to deposit. */
  readonly wallet: bigint;
  /** budget.escrow.topUp: deposit in steps of this; null = no automatic top-up. */
  readonly topUp: bigint | null;
  /** budget.escrow.maxDeposit: escrow (locked + unlocked) never above this; null = no ceiling. */
  readonly maxDeposit: bigint | null;
}

/** Either nothing to do, a deposit, or the exact shortfall with why it cannot be covered. */
export type DecideEscrowTopUpResult =
  | { readonly kind: 'enough' }
  | { readonly kind: 'deposit'; readonly amount: bigint }
  | {
      readonly kind: 'short';
      /** What is missing from escrow, base units. */
      readonly shortfall: bigint;
      readonly why: 'no-top-up' | 'ceiling' | 'wallet';
    };

/**
 * `enough` when escrow covers the plan; else a deposit of whole `topUp` steps covering the
 * shortfall, when the ceiling and the wallet allow it; else `short` with the exact shortfall.
 * The unlocked balance must cover the creates plus, per update, what its lock exceeds its own
 * lease's unspent lock; an update that frees more than it locks is not counted towards the others,
 * since when it lands relative to them is not known.
 * @example decideEscrowTopUp({ lockNew: 25n, updates: [], unlocked: 10n, locked: 0n, wallet: 100n, topUp: 10n, maxDeposit: null }) // deposit 20
 */
export function decideEscrowTopUp(input: DecideEscrowTopUpInput): DecideEscrowTopUpResult {
  const forUpdates = input.updates.reduce(
    (sum, u) => sum + (u.lock > u.credit ? u.lock - u.credit : 0n),
    0n,
  );
  const need = input.lockNew + forUpdates;
  const shortfall = need > input.unlocked ? need - input.unlocked : 0n;
  if (shortfall === 0n) return { kind: 'enough' };
  if (input.topUp === null || input.topUp <= 0n)
    return { kind: 'short', shortfall, why: 'no-top-up' };
  const steps = (shortfall + input.topUp - 1n) / input.topUp;
  let amount = steps * input.topUp;
  if (input.maxDeposit !== null) {
    const room = input.maxDeposit - input.locked - input.unlocked;
    if (room < shortfall) return { kind: 'short', shortfall, why: 'ceiling' };
    // A last partial step keeps escrow under the ceiling while still covering the plan.
    if (amount > room) amount = room;
  }
  if (amount > input.wallet) {
    if (input.wallet < shortfall) return { kind: 'short', shortfall, why: 'wallet' };
    amount = input.wallet;
  }
  return { kind: 'deposit', amount };
}
