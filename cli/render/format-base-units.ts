/**
 * Formats a base-unit amount (a bigint as a decimal string) in whole tokens, exactly: no float
 * ever touches money. Trailing fractional zeros are dropped.
 * @example formatBaseUnits('1500000', 6) // '1.5'
 */
export function formatBaseUnits(amount: string, decimals: number): string {
  if (!/^-?\d+$/.test(amount)) throw new Error(`Not a base-unit amount: "${amount}"`);
  if (!Number.isInteger(decimals) || decimals < 0) throw new Error(`Bad decimals: ${decimals}`);
  const negative = amount.startsWith('-');
  const digits = (negative ? amount.slice(1) : amount).replace(/^0+(?=\d)/, '');
  const padded = digits.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
