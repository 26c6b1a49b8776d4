/**
 * Exact decimal arithmetic on strings, shared by every unit parser: no float ever touches a
 * quantity, so `0.1 + 0.2` style drift cannot happen (the official SDK's `Number()` parsing can).
 */

const PLAIN_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A non-negative decimal split into digits: `"1.50"` → `{ int: "1", frac: "50" }`. */
export interface DecimalParts {
  readonly int: string;
  readonly frac: string;
}

/**
 * Splits plain decimal text (`12`, `0.5`, `1.25`) into its parts; null for anything else: signs,
 * exponents, spaces, `NaN`, `Infinity`, empty text, a lone dot.
 */
export function toDecimalParts(text: string): DecimalParts | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (m === null) return null;
  return { int: m[1] ?? '0', frac: m[2] ?? '' };
}

/**
 * Text of a JS number when it is written in plain decimal (`0.5`, `2`), null for NaN, infinities,
 * negatives and exponent forms (`1e21`, `1e-7`), whose digits would be a guess.
 */
export function numberToDecimalText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  return PLAIN_DECIMAL.test(text) ? text : null;
}

/**
 * `parts × factor` as an exact bigint, or null when the product has a fractional part
 * (`1.5 × 3` → null, `1.5 × 1024` → 1536n).
 */
export function scaleDecimal(parts: DecimalParts, factor: bigint): bigint | null {
  const denominator = 10n ** BigInt(parts.frac.length);
  const numerator = BigInt(parts.int + parts.frac) * factor;
  return numerator % denominator === 0n ? numerator / denominator : null;
}

/**
 * The shortest plain decimal text of `value / 10^scale` (`150n, 2` → `"1.5"`); exact because any
 * bigint over a power of ten terminates.
 */
export function formatScaled(value: bigint, scale: number): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return frac === '' ? `${sign}${int}` : `${sign}${int}.${frac}`;
}

/** Plain decimal text of a string or number input, or null when it is not plain decimal. */
export function inputToDecimalText(v: string | number): string | null {
  return typeof v === 'number' ? numberToDecimalText(v) : v.trim();
}
