/**
 * Pre-flight match screening (pure): before `plan` lets an order go on chain, where Spheron cannot
 * cancel it, each new slot's requirements are checked against the registered providers — the same
 * constraints a no-match is explained with after the fact (region, tier, allow/deny, token, GPU
 * model), so the plan and the later explanation can never disagree.
 */
import { noMatchConstraints } from './explain-no-match.js';
import type { NoMatchOrder, NoMatchProvider } from './explain-no-match.js';

/** Inputs of {@link decideMatchScreen}. */
export interface DecideMatchScreenInput {
  readonly order: NoMatchOrder;
  readonly providers: readonly NoMatchProvider[];
  /** The token's symbol, for the words. */
  readonly tokenSymbol: string;
}

/** What the screen found: how many providers could take the order, and if none, why. */
export interface DecideMatchScreenResult {
  readonly eligible: number;
  readonly total: number;
  /** Null when at least one provider meets every requirement. */
  readonly reason: string | null;
  readonly hint: string | null;
}

/**
 * Counts the providers meeting every requirement; when none does, names the requirement no
 * provider meets ("no provider is in region us-central (0 of 5)"), or the ones no single provider
 * meets together. Prices are not screened: bids come only after the order exists.
 * @example decideMatchScreen(input).reason // "no provider is in region us-central (0 of 5)"
 */
export function decideMatchScreen(input: DecideMatchScreenInput): DecideMatchScreenResult {
  const total = input.providers.length;
  const list = noMatchConstraints(input.order, input.tokenSymbol);
  const eligible = input.providers.filter((p) => list.every((c) => c.test(p))).length;
  if (eligible > 0) return { eligible, total, reason: null, hint: null };
  if (total === 0) return { eligible, total, reason: 'no provider is registered', hint: null };
  const counted = list
    .map((c) => ({ c, met: input.providers.filter(c.test).length }))
    .sort((a, b) => a.met - b.met);
  const unmet = counted.filter((x) => x.met === 0);
  if (unmet.length > 0) {
    const reason = unmet.map(({ c }) => `no provider ${c.none} (0 of ${total})`).join('; ');
    return { eligible, total, reason, hint: unmet[0]?.c.hint ?? null };
  }
  const parts = counted
    .filter((x) => x.met < total)
    .map(({ c, met }) => `${c.label} (${met} of ${total})`);
  return {
    eligible,
    total,
    reason: `no provider meets every requirement at once: ${parts.join(', ')}`,
    hint: 'Relax placement so that one provider can meet every requirement.',
  };
}
