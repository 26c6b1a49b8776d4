import type { PricingSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { findIclToken, iclTokenSymbols } from '../icl/icl-tokens.js';
import { checkTargetToken } from './check-target-token.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import type { Dialect } from './build-instances.js';
import { toDecimalString } from './decimal.js';
import { iclAttributesToPlacement } from './icl-attributes.js';
import { isYamlMap, scalarText } from './yaml-values.js';

/** ICL placements: `;`-separated region and provider lists, price per hour in whole tokens. */
export const iclDialect: Dialect = {
  placementKeys: new Set(['attributes', 'pricing']),
  placement: (raw, at, ctx) =>
    iclAttributesToPlacement(raw['attributes'], [...at, 'attributes'], ctx),
  pricing: iclPricing,
  priceCoversAllReplicas: true,
};

/**
 * `{token, amount}`: `amount` is the max price per HOUR in whole tokens for the whole service
 * (all its replicas), carried exactly; the caller divides it per replica (icl-price.ts).
 */
export function iclPricing(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): PricingSpec | undefined {
  if (!isYamlMap(raw)) {
    ctx.error(invalidValue('A pricing entry needs `token` and `amount`.', at));
    return undefined;
  }
  ctx.warnUnknownKeys(raw, new Set(['token', 'denom', 'amount']), at, 'pricing');
  const symbol = scalarText(raw['token'] ?? raw['denom']);
  const token = symbol === undefined ? undefined : findIclToken(symbol);
  if (token === undefined) {
    ctx.error({
      code: 'convert/unknown-token',
      summary: 'Payment token is missing or unknown',
      detail: `${symbol === undefined ? 'No `token` is given' : `Token \`${symbol}\` is not one Spheron accepts`}; known tokens: ${iclTokenSymbols().join(', ')}. Leasehold never assumes one (the SDK silently uses USDT).`,
      hint: 'Set `token` to the symbol you pay with, such as `USDT`.',
      at: [...at, 'token'],
    });
  } else {
    const note = checkTargetToken(token.symbol, [
      ...at,
      raw['token'] === undefined ? 'denom' : 'token',
    ]);
    if (note !== null) ctx.warn(note);
  }
  const amount = toDecimalString(raw['amount']);
  if (amount === null) {
    ctx.error(
      invalidValue(
        `\`amount\` must be a non-negative decimal price per hour; found \`${String(raw['amount'])}\`.`,
        [...at, 'amount'],
      ),
    );
  }
  if (token === undefined || amount === null) return undefined;
  return { maxPerHour: amount, token: token.symbol };
}
