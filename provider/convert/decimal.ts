/**
 * Exact decimal arithmetic on strings and bigints, for money and units: a float never touches a
 * price, so `0.1 + 0.2`-style drift cannot reach an order.
 */

/** A non-negative decimal: `digits / 10^scale`. */
export interface Decimal {
  readonly digits: bigint;
  readonly scale: number;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Parses `"12.5"`, `"0.0003"` or `"7"`; null for anything else (signs, exponents, spaces). */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const frac = m[2] ?? '';
  return { digits: BigInt(`${m[1] ?? '0'}${frac}`), scale: frac.length };
}

/** Prints a decimal in its shortest exact form: no trailing zeros, no trailing point. */
export function formatDecimal(d: Decimal): string {
  const raw = d.digits.toString().padStart(d.scale + 1, '0');
  if (d.scale === 0) return raw;
  const int = raw.slice(0, raw.length - d.scale);
  const frac = raw.slice(raw.length - d.scale).replace(/0+$/, '');
  return frac === '' ? int : `${int}.${frac}`;
}

/** `d × mul / 10^shift`, exact (the result just gains scale). */
export function scaleDecimal(d: Decimal, mul: bigint, shift: number): Decimal {
  return { digits: d.digits * mul, scale: d.scale + shift };
}

/**
 * The exact decimal text of a YAML number or numeric string (`1e-7` → `"0.0000001"`), or null when
 * it is negative, not finite or not a number at all.
 */
export function toDecimalString(value: unknown): string | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return null;
  const exp = /^(\d+(?:\.\d+)?)e([+-]?\d+)$/i.exec(text);
  if (exp !== null) {
    const mantissa = parseDecimal(exp[1] ?? '');
    if (mantissa === null) return null;
    const e = Number(exp[2]);
    return e >= 0
      ? formatDecimal({ digits: mantissa.digits * 10n ** BigInt(e), scale: mantissa.scale })
      : formatDecimal({ digits: mantissa.digits, scale: mantissa.scale - e });
  }
  const d = parseDecimal(text);
  return d === null ? null : formatDecimal(d);
}
