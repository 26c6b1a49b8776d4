import { LeaseholdError } from '../../cli/diag/index.js';
import { formatDecimal } from '../convert/decimal.js';

const BINARY: readonly [string, bigint][] = [
  ['Ti', 1n << 40n],
  ['Gi', 1n << 30n],
  ['Mi', 1n << 20n],
  ['Ki', 1n << 10n],
];

/**
 * Bytes → the ICL size in the largest exact binary unit (`17179869184` → `16Gi`). ICL readers
 * know Mi/Gi/Ti; a size that is not a whole number of MiB falls back to Ki, then plain bytes.
 */
export function bytesToIclSize(bytes: string): string {
  const b = BigInt(bytes);
  for (const [suffix, factor] of BINARY)
    if (b > 0n && b % factor === 0n) return `${b / factor}${suffix}`;
  return b.toString();
}

const DURATIONS: readonly [string, number][] = [
  ['y', 31_536_000_000],
  ['mon', 2_592_000_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
];

/** Milliseconds → the ICL duration in the largest exact unit; throws when no ICL unit is exact. */
export function msToIclDuration(ms: number): string {
  for (const [unit, factor] of DURATIONS)
    if (ms > 0 && ms % factor === 0) return `${ms / factor}${unit}`;
  throw new LeaseholdError({
    code: 'icl/inexact-duration',
    summary: 'Duration cannot be written in ICL',
    detail: `A duration of ${ms} ms is not a whole number of minutes; ICL durations are whole numbers of min, h, d, mon or y.`,
    hint: 'Set the instance `duration` to whole minutes or hours, such as `90m` or `24h`.',
  });
}

/** Millicores → ICL cores as a number (`500` → `0.5`), exact. */
export function millicoresToCores(millicores: number): number {
  return Number(formatDecimal({ digits: BigInt(millicores), scale: 3 }));
}
