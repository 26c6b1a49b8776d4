import { inputToDecimalText, scaleDecimal, toDecimalParts } from './decimal.js';
import { unitFail, unitOk } from './unit-result.js';
import type { UnitResult } from './unit-result.js';

/**
 * Milliseconds per duration unit. `m` is MINUTES (there is no month `m`: write `mon`); `mon` is 30
 * days and `y` 365 days, as in Spheron's ICL.
 */
export const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ms: 1n,
  s: 1000n,
  m: 60_000n,
  h: 3_600_000n,
  d: 86_400_000n,
  mon: 2_592_000_000n,
  y: 31_536_000_000n,
};

const EXPECTED = 'expected a duration such as 500ms, 30s, 5m, 1.5h, 7d, 1mon or 1y (m is minutes)';
const DURATION = /^([0-9.]+)([a-z]*)$/;

/**
 * Parses a duration into milliseconds: `"30m"` → 1800000, `"1.5h"` → 5400000 (both 0 blocks in
 * the official SDK). A bare number, or a string without unit, is seconds. The result must be a
 * whole number of milliseconds.
 */
export function parseDuration(v: string | number): UnitResult<number> {
  const text = inputToDecimalText(v);
  const m = text === null ? null : DURATION.exec(text);
  if (m === null) return unitFail(EXPECTED);
  const suffix = m[2] ?? '';
  const factor = DURATION_UNITS[suffix === '' ? 's' : suffix];
  const parts = toDecimalParts(m[1] ?? '');
  if (factor === undefined || parts === null) return unitFail(EXPECTED);
  const ms = scaleDecimal(parts, factor);
  if (ms === null)
    return unitFail('expected a whole number of milliseconds, such as 1.5s or 250ms');
  if (ms > BigInt(Number.MAX_SAFE_INTEGER))
    return unitFail('expected a duration under 285,000 years');
  return unitOk(Number(ms));
}
