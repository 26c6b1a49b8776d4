import { formatScaled } from './decimal.js';
import { formatDuration } from './format-duration.js';

/**
 * Human forms of the model's units, for every line a person reads (plans, progress, status):
 * the spec forms (`formatCpu`, `formatByteSize`, `formatDuration`) are written to be parsed back;
 * these are written to be read. `--json` never uses them: it keeps the model's units.
 */

const BINARY: readonly [string, bigint][] = [
  ['EiB', 1n << 60n],
  ['PiB', 1n << 50n],
  ['TiB', 1n << 40n],
  ['GiB', 1n << 30n],
  ['MiB', 1n << 20n],
  ['KiB', 1n << 10n],
];

const DECIMAL: readonly [string, bigint][] = [
  ['EB', 10n ** 18n],
  ['PB', 10n ** 15n],
  ['TB', 10n ** 12n],
  ['GB', 10n ** 9n],
  ['MB', 10n ** 6n],
  ['kB', 10n ** 3n],
];

/** Millicores as cores: 1000 → `"1 CPU"`, 500 → `"0.5 CPU"`, 2500 → `"2.5 CPU"`. */
export function formatCpuForPeople(millicores: number): string {
  if (!Number.isSafeInteger(millicores) || millicores < 0) {
    throw new RangeError(`formatCpuForPeople: expected non-negative millicores, got ${millicores}`);
  }
  return `${formatScaled(BigInt(millicores), 3)} CPU`;
}

/**
 * Bytes in the unit that gives the shortest exact value with at most two decimals, binary units
 * first on a tie: 1073741824n → `"1 GiB"`, 1610612736n → `"1.5 GiB"`, 10⁹ → `"1 GB"`, 1000n → `"1 kB"`,
 * 1023n → `"1023 B"`.
 */
export function formatBytesForPeople(bytes: bigint): string {
  if (bytes < 0n) throw new RangeError(`formatBytesForPeople: expected non-negative bytes`);
  let best = `${bytes} B`;
  for (const [suffix, factor] of [...BINARY, ...DECIMAL]) {
    if (bytes < factor) continue;
    const text = exactWithin(bytes, factor, 2);
    // The shortest exact form wins; on a tie the earlier (larger, binary-first) unit stays.
    if (text !== null && `${text} ${suffix}`.length < best.length) best = `${text} ${suffix}`;
  }
  return best;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Milliseconds in the unit a person expects: whole hours as hours up to two days (`24h`, not
 * `1d`), whole days beyond (`7d`), else the largest of m, s that is exact (`90s` → `"90s"`,
 * 60000 → `"1m"`, 15000 → `"15s"`), else the spec form (`1.5s`, `250ms`).
 */
export function formatDurationForPeople(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new RangeError(`formatDurationForPeople: expected non-negative milliseconds, got ${ms}`);
  }
  if (ms === 0) return '0s';
  if (ms % DAY === 0 && ms > 2 * DAY) return `${ms / DAY}d`;
  if (ms % HOUR === 0) return `${ms / HOUR}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return formatDuration(ms);
}

/** `"0.17600012"` → `"0.176"` at 4 significant digits; integers keep every digit. */
export function roundSignificant(text: string, significant: number): string {
  const [int = '0', frac = ''] = text.split('.');
  if (frac === '') return int;
  const intDigits = int.replace(/^-?0+/, '').length;
  const leadingZeros = intDigits > 0 ? 0 : (/^0*/.exec(frac)?.[0].length ?? 0);
  const keep = Math.max(0, significant - intDigits) + leadingZeros;
  if (frac.length <= keep) return text;
  const digits = BigInt(int.replace('-', '') + frac.slice(0, keep));
  const roundUp = Number(frac[keep]) >= 5 ? 1n : 0n;
  const sign = int.startsWith('-') ? '-' : '';
  return sign + formatScaled(digits + roundUp, keep);
}

function exactWithin(value: bigint, factor: bigint, maxDecimals: number): string | null {
  for (let scale = 0; scale <= maxDecimals; scale += 1) {
    const scaled = value * 10n ** BigInt(scale);
    if (scaled % factor === 0n) return formatScaled(scaled / factor, scale);
  }
  return null;
}
