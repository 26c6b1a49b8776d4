import { formatScaled } from './decimal.js';
import { DURATION_UNITS } from './parse-duration.js';

/**
 * Formats milliseconds in the shortest exact form that `parseDuration` reads back; ties go to the
 * smaller unit, which has no fraction: 5400000 → `"90m"`, 1800000 → `"30m"`, 1500 → `"1.5s"`, 0 → `"0s"`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new RangeError(`formatDuration: expected non-negative integer milliseconds, got ${ms}`);
  }
  let best = `${ms}ms`;
  for (const [suffix, factor] of Object.entries(DURATION_UNITS)) {
    const text = exactIn(BigInt(ms), factor, suffix);
    if (text !== null && text.length < best.length) best = text;
  }
  return best;
}

/** `ms / factor` with its suffix when the quotient has at most 3 decimals, else null. */
function exactIn(ms: bigint, factor: bigint, suffix: string): string | null {
  for (let scale = 0; scale <= 3; scale += 1) {
    const scaled = ms * 10n ** BigInt(scale);
    if (scaled % factor === 0n) return `${formatScaled(scaled / factor, scale)}${suffix}`;
  }
  return null;
}
