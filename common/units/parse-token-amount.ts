import { numberToDecimalText, toDecimalParts } from './decimal.js';
import { unitFail, unitOk } from './unit-result.js';
import type { UnitResult } from './unit-result.js';

const EXPECTED = 'expected a non-negative decimal amount of whole tokens, such as "0.75" or "2"';

/**
 * Converts whole tokens to base units by string arithmetic: `("0.75", 6)` → 750000n. Rejects
 * more fractional digits than the token has (never rounds), negatives, exponents, NaN and empty
 * text. A number is accepted only when JS prints it as plain decimal (`0.1` yes, `1e21` no).
 */
export function parseTokenAmount(text: string | number, decimals: number): UnitResult<bigint> {
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 255) {
    return unitFail('expected a token with 0 to 255 decimals');
  }
  const plain = typeof text === 'number' ? numberToDecimalText(text) : text.trim();
  const parts = plain === null ? null : toDecimalParts(plain);
  if (parts === null) return unitFail(EXPECTED);
  if (parts.frac.length > decimals) {
    return unitFail(`expected at most ${decimals} decimal places, the token's precision`);
  }
  return unitOk(BigInt(parts.int + parts.frac.padEnd(decimals, '0')));
}
