import type { PricingSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { formatDecimal, parseDecimal, scaleDecimal } from './decimal.js';
import { isYamlMap, scalarText } from './yaml-values.js';

/** Akash's nominal block time is 6 s: 600 blocks per hour. */
export const AKASH_BLOCKS_PER_HOUR = 600n;

/** IBC denoms of (Axelar) USDC on Akash mainnet and sandbox, as Akash Console lists them. */
const USDC_DENOMS = new Set([
  'ibc/170c677610ac31df0904ffe09cd3b5c657492170e7e52372e48756b71e56f2f1',
  'ibc/12c6a0c374171b595a0a9e18b83fa09d295fb1f2d8c6daa3ac28683471752d84',
]);

/**
 * SDL `{denom, amount}` (max price per BLOCK in micro-units of `denom`) → spec pricing (max per
 * HOUR in whole tokens): `amount × 600 / 10^6`, exact. USDC denoms become USDC; AKT, ACT and other
 * denoms become USDT, which is a unit change, not a price conversion — so a
 * `convert/price-needs-review` warning is always given.
 */
export function sdlPricingToSpec(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): PricingSpec | undefined {
  if (!isYamlMap(raw)) {
    ctx.error(invalidValue('A pricing entry needs `denom` and `amount`.', at));
    return undefined;
  }
  ctx.warnUnknownKeys(raw, new Set(['denom', 'amount']), at, 'pricing');
  const denom = scalarText(raw['denom']);
  if (denom === undefined || !(/^u[a-z]+$/.test(denom) || /^ibc\/[0-9A-Fa-f]{64}$/.test(denom))) {
    ctx.error({
      code: 'convert/unknown-token',
      summary: 'Payment token is missing or unknown',
      detail: `Denom \`${denom ?? '(none)'}\` is not a micro-denom (\`uakt\`, \`uact\`) or an IBC denom.`,
      hint: 'Set `denom` to `uakt`, `uact` or the IBC denom of USDC.',
      at: [...at, 'denom'],
    });
    return undefined;
  }
  const amountText = scalarText(raw['amount']);
  const amount = amountText === undefined ? null : parseDecimal(amountText.trim());
  if (amount === null) {
    ctx.error(
      invalidValue(
        `\`amount\` must be a non-negative decimal price per block; found \`${String(raw['amount'])}\`.`,
        [...at, 'amount'],
      ),
    );
    return undefined;
  }
  const usdc = USDC_DENOMS.has(denom.toLowerCase());
  const token = usdc ? 'USDC' : 'USDT';
  const maxPerHour = formatDecimal(scaleDecimal(amount, AKASH_BLOCKS_PER_HOUR, 6));
  ctx.warn({
    code: 'convert/price-needs-review',
    summary: 'Converted price needs review',
    detail: `The SDL price ${amountText ?? ''} ${denom} per block was converted to ${maxPerHour} ${token} per hour, assuming 6-second blocks (600 per hour) and 6 decimals${usdc ? '' : `, and treating 1 ${denom.slice(1).toUpperCase()} as 1 ${token}, which it is not`}.`,
    hint: `Set \`pricing.maxPerHour\` to what you are willing to pay per hour in ${token}.`,
    at,
  });
  return { maxPerHour, token };
}
