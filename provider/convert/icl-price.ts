import type { PricingSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { findIclToken } from '../icl/icl-tokens.js';
import type { ConvertContext } from './convert-context.js';
import { formatDecimal, parseDecimal } from './decimal.js';

/**
 * An ICL service price → the spec's price per replica. In ICL the amount is the most the whole
 * service may cost per hour, however many replicas it has: the SDK sums the services' amounts into
 * the order's `maxPrice` and never multiplies by the count. The spec prices one replica, so the
 * amount is divided by the count, exactly where it can be; otherwise it is rounded down to the
 * token's smallest unit (never paying more than the ICL allows) with a warning.
 */
export function iclPriceToPerReplica(
  pricing: PricingSpec,
  count: number,
  at: SpecPath,
  ctx: ConvertContext,
): PricingSpec {
  if (count <= 1) return pricing;
  const amount = parseDecimal(String(pricing.maxPerHour));
  const decimals = findIclToken(pricing.token)?.decimals ?? 0;
  if (amount === null) return pricing;
  const scale = Math.max(decimals, amount.scale);
  const digits = amount.digits * 10n ** BigInt(scale - amount.scale);
  const per = digits / BigInt(count);
  const maxPerHour = formatDecimal({ digits: per, scale });
  if (per * BigInt(count) !== digits) {
    ctx.warn({
      code: 'convert/price-rounded-down',
      summary: 'Price per replica was rounded down',
      detail: `The ICL price ${String(pricing.maxPerHour)} ${pricing.token}/h covers all ${count} replicas; divided per replica it is not a whole number of the token's smallest unit, so it was rounded down to ${maxPerHour} ${pricing.token}/h.`,
      hint: 'Set `pricing.maxPerHour` (per replica) to the price you mean.',
      at,
    });
  }
  return { ...pricing, maxPerHour };
}
