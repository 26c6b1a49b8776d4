import { inputToDecimalText, scaleDecimal, toDecimalParts } from './decimal.js';
import { unitFail, unitOk } from './unit-result.js';
import type { UnitResult } from './unit-result.js';

const EXPECTED = 'expected cores or millicores above zero, such as 0.5, 2 or 500m';

/**
 * Parses CPU into millicores: `0.5` → 500, `"500m"` → 500, `2` → 2000. A value finer than one
 * millicore (`0.0005`, `0.5m`) is an error, never rounded; zero is an error (no silent zero).
 */
export function parseCpu(v: string | number): UnitResult<number> {
  const text = inputToDecimalText(v);
  if (text === null) return unitFail(EXPECTED);
  const milli = text.endsWith('m');
  const parts = toDecimalParts(milli ? text.slice(0, -1) : text);
  if (parts === null) return unitFail(EXPECTED);
  const value = scaleDecimal(parts, milli ? 1n : 1000n);
  if (value === null) return unitFail('expected a whole number of millicores (1m = 0.001 cores)');
  if (value === 0n) return unitFail(EXPECTED);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return unitFail('expected a realistic CPU count');
  return unitOk(Number(value));
}
