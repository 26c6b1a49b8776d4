import type { CostRequest } from '../../cli/provider-api.js';
import type { CostSummary } from '../../cli/plan/plan-types.js';
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import type { TokenAmount } from '../spec/model-types.js';
import { findToken } from './find-token.js';
import { formatTokenAmount } from '../../common/index.js';
import { runwayHours } from './price-math.js';

/** Options of {@link summarizeCost}. */
export type SummarizeCostInput = CostRequest & {
  readonly network: ResolvedNetwork;
  /** Unlocked escrow by token symbol or address; null when unknown (no refresh, no wallet). */
  readonly escrow: ReadonlyMap<string, bigint> | null;
};

/** What {@link summarizeCost} found. */
export interface SummarizeCostResult {
  readonly cost: CostSummary[];
  readonly diagnostics: Diagnostic[];
}

interface Totals {
  before: bigint;
  after: bigint;
  lock: bigint;
  accepted: bigint;
  unpriced: number;
  ceiling: bigint;
}

const ZERO = (): Totals => ({
  before: 0n,
  after: 0n,
  lock: 0n,
  accepted: 0n,
  unpriced: 0,
  ceiling: 0n,
});

/**
 * Sums the per-slot costs of a plan per token, adds the escrow runway, and checks the stack budget:
 * Σ per-hour-after above `budget.maxPerHour` is the error `plan/budget-exceeded`.
 */
export function summarizeCost(input: SummarizeCostInput): SummarizeCostResult {
  const totals = new Map<string, Totals>();
  for (const change of input.changes) {
    if (change.cost === undefined) continue;
    const c = change.cost;
    const t = totals.get(c.token) ?? ZERO();
    t.before += BigInt(c.perHourBefore);
    t.after += BigInt(c.perHourAfter);
    t.lock += BigInt(c.escrowToLock);
    if (c.perHourAccepted === null) t.unpriced += 1;
    else t.accepted += BigInt(c.perHourAccepted ?? c.perHourAfter);
    t.ceiling += BigInt(c.perHourCeiling ?? c.perHourAfter);
    totals.set(change.cost.token, t);
  }
  const budget = readBudget(input.model);
  if (budget !== null && !totals.has(budget.token)) {
    totals.set(budget.token, ZERO());
  }
  const cost: CostSummary[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [token, t] of [...totals].sort(([a], [b]) => a.localeCompare(b))) {
    const decimals = findToken(input.network, token)?.decimals ?? 0;
    const available = lookupEscrow(input, token);
    const limit = budget?.token === token ? BigInt(budget.amount) : null;
    cost.push({
      token,
      decimals,
      perHourBefore: t.before.toString(),
      perHourAfter: t.after.toString(),
      escrowToLock: t.lock.toString(),
      perHourAccepted: t.accepted.toString(),
      unpricedSlots: t.unpriced,
      perHourCeiling: t.ceiling.toString(),
      escrowAvailable: available === null ? null : available.toString(),
      runwayHours: available === null ? null : runwayHours(available, t.after),
      budgetPerHour: limit === null ? null : limit.toString(),
    });
    if (limit !== null && t.after > limit) {
      diagnostics.push(budgetExceeded({ token, decimals, after: t.after, limit }));
    }
  }
  return { cost, diagnostics };
}

function lookupEscrow(input: SummarizeCostInput, token: string): bigint | null {
  if (input.escrow === null) return null;
  const direct = input.escrow.get(token);
  if (direct !== undefined) return direct;
  const address = findToken(input.network, token)?.address.toLowerCase();
  for (const [key, value] of input.escrow) {
    if (key.toLowerCase() === token.toLowerCase() || key.toLowerCase() === address) return value;
  }
  return null;
}

function budgetExceeded(a: {
  token: string;
  decimals: number;
  after: bigint;
  limit: bigint;
}): Diagnostic {
  const after = formatTokenAmount(a.after, a.decimals);
  const limit = formatTokenAmount(a.limit, a.decimals);
  return errorDiag({
    code: 'plan/budget-exceeded',
    summary: 'Plan exceeds the stack budget',
    detail:
      `After this plan the stack costs up to ${after} ${a.token} per hour, ` +
      `but budget.maxPerHour is ${limit} ${a.token}.`,
    hint: 'Lower count or pricing.maxPerHour of the instances, or raise budget.maxPerHour.',
    path: 'budget.maxPerHour',
  });
}

/** The model's budget; the core passes the whole StackModel behind its ModelView type. */
function readBudget(model: unknown): TokenAmount | null {
  if (typeof model !== 'object' || model === null || !('budget' in model)) return null;
  const budget: unknown = model.budget;
  if (typeof budget !== 'object' || budget === null || !('maxPerHour' in budget)) return null;
  const max: unknown = budget.maxPerHour;
  if (typeof max !== 'object' || max === null) return null;
  if (!('token' in max) || !('amount' in max)) return null;
  const { token, amount } = max;
  return typeof token === 'string' && typeof amount === 'string' ? { token, amount } : null;
}
