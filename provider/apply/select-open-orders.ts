/**
 * The stack's open orders that no slot owns (pure): orders the wallet created, tagged with this
 * stack, still open on chain, whose ids no lease record of the state names. They are what a
 * refused or timed-out apply left behind; Spheron cannot cancel them.
 */
import type { OpenOrderView } from '../../cli/provider-api.js';
import type { StackState } from '../../cli/state/state-types.js';
import { perHourOfPrice } from '../../wire/block-pricing.js';
import { decodeOrderSpec } from '../../wire/order-spec.js';
import type { OrderInfo } from '../marketplace/marketplace-types.js';
import { decodeStackTag } from '../marketplace/stack-tag.js';
import { slotAddress } from '../resources/instance/slot-address.js';

/** Inputs of {@link selectOpenOrders}. */
export interface SelectOpenOrdersInput {
  readonly stack: string;
  readonly state: StackState | null;
  /** Orders the wallet created (as read on chain; null where the read found none). */
  readonly orders: readonly (OrderInfo | null)[];
  /** Known tokens by lowercase address. */
  readonly tokens: ReadonlyMap<string, { readonly symbol: string; readonly decimals: number }>;
  readonly secondsPerBlock: number;
}

function tagOf(spec: string) {
  try {
    return decodeStackTag(decodeOrderSpec(spec).name);
  } catch {
    return null;
  }
}

/**
 * The open, unowned orders of `stack`, oldest first, with their max price per hour.
 * @example selectOpenOrders(input)[0] // { orderId: '7', address: 'instance.web[0]', maxPerHour: '4000000', … }
 */
export function selectOpenOrders(input: SelectOpenOrdersInput): OpenOrderView[] {
  const owned = new Set(
    (input.state?.resources ?? []).flatMap((r) =>
      r.leases.flatMap((l) => [l.orderId, ...(l.leaseId === null ? [] : [l.leaseId])]),
    ),
  );
  const out: OpenOrderView[] = [];
  for (const o of input.orders) {
    if (o === null || o.state !== 'open' || owned.has(o.id.toString())) continue;
    const tag = tagOf(o.spec);
    if (tag?.stack !== input.stack) continue;
    const token = input.tokens.get(o.token.toLowerCase());
    if (token === undefined) continue;
    const perHour = perHourOfPrice({
      pricePerBlock: o.maxPrice,
      decimals: token.decimals,
      secondsPerBlock: input.secondsPerBlock,
    });
    out.push({
      orderId: o.id.toString(),
      address: slotAddress(`instance.${tag.instance}`, tag.key),
      maxPerHour: perHour.toString(),
      token: token.symbol,
      decimals: token.decimals,
    });
  }
  return out.sort((a, b) => (BigInt(a.orderId) < BigInt(b.orderId) ? -1 : 1));
}
