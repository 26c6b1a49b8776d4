import { inputToDecimalText, scaleDecimal, toDecimalParts } from './decimal.js';
import { unitFail, unitOk } from './unit-result.js';
import type { UnitResult } from './unit-result.js';

/** Byte multipliers by suffix: binary (Ki = 1024) and decimal (k = 1000), as Kubernetes writes them. */
export const BYTE_UNITS: Readonly<Record<string, bigint>> = {
  Ki: 1n << 10n,
  Mi: 1n << 20n,
  Gi: 1n << 30n,
  Ti: 1n << 40n,
  Pi: 1n << 50n,
  Ei: 1n << 60n,
  k: 10n ** 3n,
  M: 10n ** 6n,
  G: 10n ** 9n,
  T: 10n ** 12n,
  P: 10n ** 15n,
  E: 10n ** 18n,
};

const EXPECTED =
  'expected a size such as 512Mi, 1Gi, 1G or 1048576 (units Ki Mi Gi Ti Pi Ei, k M G T P E)';
const SIZE = /^([0-9.]+)([A-Za-z]*)$/;

/**
 * Parses a size into bytes, exactly: `1G` → 1000000000n (not 0, as the official SDK gives),
 * `1.5Gi` → 1610612736n, `512` → 512n. A fraction is allowed only when the result is a whole
 * number of bytes.
 */
export function parseByteSize(v: string | number): UnitResult<bigint> {
  const text = inputToDecimalText(v);
  const m = text === null ? null : SIZE.exec(text);
  if (m === null) return unitFail(EXPECTED);
  const suffix = m[2] ?? '';
  const factor = suffix === '' ? 1n : BYTE_UNITS[suffix];
  const parts = toDecimalParts(m[1] ?? '');
  if (factor === undefined || parts === null) return unitFail(EXPECTED);
  const bytes = scaleDecimal(parts, factor);
  if (bytes === null) return unitFail('expected a whole number of bytes, such as 1.5Gi or 512Mi');
  return unitOk(bytes);
}
