/**
 * Why an order got no lease, from what the chain tells: the order's constraints checked against
 * every registered provider's advertised attributes, then the bids. Pure, so every case is tested
 * without a chain; the apply step feeds it `listProviders` and `readBids`.
 */
import { perHourOfPrice } from '../../wire/block-pricing.js';
import { formatTokenAmount } from '../../common/units/format-token-amount.js';
import { describeDemand, fitsCapacity } from './decide-capacity-fit.js';
import type { SlotDemand } from './decide-capacity-fit.js';
import type { ProviderInventory } from './parse-provider-inventory.js';

/** What the order asks, decoded from its spec and details. */
export interface NoMatchOrder {
  /** Allowed regions; empty = any. */
  readonly regions: readonly string[];
  /** Allowed tiers; empty = any. */
  readonly tiers: readonly number[];
  /** `desired_provider` allow list (lowercase); empty = any. */
  readonly allowProviders: readonly string[];
  /** `provider_exclude` (lowercase). */
  readonly denyProviders: readonly string[];
  /** GPU models asked (lowercase); empty = none or any model. */
  readonly gpuModels: readonly string[];
  /** Token address (lowercase). */
  readonly token: string;
  /** Price per block, 1e18-scaled. */
  readonly maxPrice: bigint;
  /** What the slot asks in resources; absent: capacity is not screened. */
  readonly demand?: SlotDemand | undefined;
}

/** One registered provider as the registry advertises it. */
export interface NoMatchProvider {
  /** Lowercase. */
  readonly address: string;
  readonly active: boolean;
  readonly tier: number;
  readonly region: string | null;
  /** GPU models it advertises (lowercase); empty when it advertises none. */
  readonly gpuModels: readonly string[];
  /** Token addresses it accepts (lowercase); null when unknown. */
  readonly tokens: readonly string[] | null;
  /**
   * Its published free capacity (`GET /status`); null or absent when unknown (unreachable, not
   * published, malformed): such a provider is never excluded on capacity.
   */
  readonly capacity?: ProviderInventory | null | undefined;
}

/** Inputs of {@link explainNoMatch}. */
export interface ExplainNoMatchInput {
  readonly order: NoMatchOrder;
  readonly providers: readonly NoMatchProvider[];
  /** Bids placed on the order (price per block, 1e18-scaled). */
  readonly bids: readonly { readonly provider: string; readonly price: bigint }[];
  readonly token: { readonly symbol: string; readonly decimals: number };
  readonly secondsPerBlock: number;
}

/** The explanation: one sentence, plus the constraint counts it was built from. */
export interface ExplainNoMatchResult {
  readonly reason: string;
  /** `[label, met, of]` per constraint, least met first. */
  readonly constraints: readonly (readonly [string, number, number])[];
  /** What to change, one imperative sentence. */
  readonly hint: string;
}

/** One requirement of an order, checked provider by provider. */
export interface Constraint {
  readonly label: string;
  /** The phrase used when no provider meets it: "no provider <none>". */
  readonly none: string;
  readonly test: (p: NoMatchProvider) => boolean;
  readonly hint: string;
}

/** The order's requirements a registered provider must meet, cheapest to explain first. */
export function noMatchConstraints(o: NoMatchOrder, symbol: string): Constraint[] {
  const out: Constraint[] = [
    {
      label: 'active',
      none: 'is active',
      test: (p) => p.active,
      hint: 'Wait for providers to come back, or use another network.',
    },
  ];
  if (o.tiers.length > 0)
    out.push({
      label: `tier ${o.tiers.join('/')}`,
      none: `is in tier ${o.tiers.join(' or ')}`,
      test: (p) => o.tiers.includes(p.tier),
      hint: 'Allow more tiers in placement.tiers.',
    });
  if (o.regions.length > 0)
    out.push({
      label: `region ${o.regions.join('/')}`,
      none: `is in region ${o.regions.join(' or ')}`,
      test: (p) => p.region !== null && o.regions.includes(p.region),
      hint: 'Allow more regions in placement.regions.',
    });
  if (o.allowProviders.length > 0)
    out.push({
      label: 'allowed provider',
      none: 'on placement.providers.allow is registered',
      test: (p) => o.allowProviders.includes(p.address),
      hint: 'Allow other providers in placement.providers.allow.',
    });
  if (o.denyProviders.length > 0)
    out.push({
      label: 'not excluded',
      none: 'is left after the exclusions',
      test: (p) => !o.denyProviders.includes(p.address),
      hint: 'Exclude fewer providers, or use spread none.',
    });
  out.push({
    label: `accepts ${symbol}`,
    none: `accepts ${symbol}`,
    test: (p) => p.tokens === null || p.tokens.includes(o.token),
    hint: 'Pay in a token the providers accept (pricing.token).',
  });
  for (const model of o.gpuModels)
    out.push({
      label: `gpu model ${model}`,
      none: `offers gpu model ${model}`,
      test: (p) => p.gpuModels.includes(model),
      hint: 'Ask for a GPU model a provider offers (resources.gpu.models).',
    });
  if (o.demand !== undefined) out.push(capacityConstraint(o.demand));
  return out;
}

/** Free capacity for the slot's replicas; a provider whose capacity is unknown meets it. */
function capacityConstraint(demand: SlotDemand): Constraint {
  const words = describeDemand(demand);
  return {
    label: `capacity for ${words}`,
    none: `has free capacity for ${words}`,
    test: (p) =>
      p.capacity === null || p.capacity === undefined || fitsCapacity(p.capacity, demand),
    hint: 'Ask for fewer resources per replica, or split the replicas over more slots (placement.spread).',
  };
}

/**
 * Explains a no-match: a constraint no provider meets ("no provider offers gpu model h200 (0 of
 * 5)"), constraints no single provider meets together, the best bid against the max price, or
 * eligible providers that did not bid at or below the max price.
 * @example explainNoMatch(input).reason // "no provider offers gpu model h200 (0 of 5)"
 */
export function explainNoMatch(input: ExplainNoMatchInput): ExplainNoMatchResult {
  const n = input.providers.length;
  const list = noMatchConstraints(input.order, input.token.symbol);
  const counted = list
    .map((c) => ({ c, met: input.providers.filter(c.test).length }))
    .sort((a, b) => a.met - b.met);
  const table = counted.map(({ c, met }) => [c.label, met, n] as const);
  const unmet = counted.filter((x) => x.met === 0);
  if (n === 0)
    return { reason: 'no provider is registered', constraints: table, hint: list[0]?.hint ?? '' };
  if (unmet.length > 0) {
    const reason = unmet.map(({ c }) => `no provider ${c.none} (0 of ${n})`).join('; ');
    return { reason, constraints: table, hint: unmet[0]?.c.hint ?? '' };
  }
  const eligible = input.providers.filter((p) => list.every((c) => c.test(p)));
  if (eligible.length === 0) {
    const parts = counted
      .filter((x) => x.met < n)
      .map(({ c, met }) => `${c.label} (${met} of ${n})`);
    return {
      reason: `no provider meets every constraint at once: ${parts.join(', ')}`,
      constraints: table,
      hint: 'Relax placement so that one provider can meet every constraint.',
    };
  }
  return { ...priceReason(input, eligible.length), constraints: table };
}

function priceReason(
  input: ExplainNoMatchInput,
  eligible: number,
): { reason: string; hint: string } {
  const { decimals, symbol } = input.token;
  const perHour = (pricePerBlock: bigint): string => {
    const amount = perHourOfPrice({
      pricePerBlock,
      decimals,
      secondsPerBlock: input.secondsPerBlock,
    });
    return `${formatTokenAmount(amount, decimals)} ${symbol}/h`;
  };
  const max = perHour(input.order.maxPrice);
  const best = [...input.bids].sort((a, b) =>
    a.price < b.price ? -1 : a.price > b.price ? 1 : 0,
  )[0];
  const raise = 'Raise pricing.maxPerHour, or ask for fewer resources per replica.';
  if (best !== undefined && best.price > input.order.maxPrice)
    return { reason: `best bid ${perHour(best.price)} is above your max ${max}`, hint: raise };
  if (best !== undefined)
    return {
      reason: `${input.bids.length} bid(s) at or below your max ${max} were not matched in time`,
      hint: 'Run apply again with a longer match timeout.',
    };
  return {
    reason: `${eligible} of ${input.providers.length} providers meet every constraint, but none bid at or below your max ${max}`,
    hint: raise,
  };
}
