import { formatScaled } from './decimal.js';
import { BYTE_UNITS } from './parse-byte-size.js';

/**
 * Formats bytes in the shortest exact form that `parseByteSize` reads back: `1073741824n` →
 * `"1Gi"`, `1610612736n` → `"1.5Gi"`, `1000n` → `"1k"`, `1023n` → `"1023"`. Ties go to the form
 * with the fewest fractional digits, then binary units.
 */
export function formatByteSize(bytes: bigint): string {
  if (bytes < 0n) throw new RangeError(`formatByteSize: expected non-negative bytes, got ${bytes}`);
  let best = bytes.toString();
  for (const [suffix, factor] of Object.entries(BYTE_UNITS)) {
    const text = `${divideExact(bytes, factor)}${suffix}`;
    if (isBetter(text, best)) best = text;
  }
  return best;
}

/** `bytes / factor` as terminating decimal text; factors are powers of 2 or 10, so it always ends. */
function divideExact(bytes: bigint, factor: bigint): string {
  // Find the smallest k with factor | bytes·10^k: for 2^n or 10^n this is at most n.
  let scale = 0;
  let scaled = bytes;
  while (scaled % factor !== 0n) {
    scaled *= 10n;
    scale += 1;
  }
  return formatScaled(scaled / factor, scale);
}

function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.replace(/[A-Za-z]+$/, '').length - dot - 1;
}

function isBetter(candidate: string, best: string): boolean {
  if (candidate.length !== best.length) return candidate.length < best.length;
  return fractionDigits(candidate) < fractionDigits(best);
}
