/**
 * ICL durations (`2h`, `30min`, `1d`, `1mon`, `1y`: whole numbers only) → spec durations in the
 * units every Leasehold parser reads (`s`, `m`, `h`). `mon` is 30 days and `y` 365 days, as in the
 * SDK. Anything else is refused rather than read as 0 blocks, which is what 1.3.5 does (§3.3).
 */
const HOURS: Readonly<Record<string, number>> = { h: 1, d: 24, mon: 720, y: 8760 };

/** The spec form of an ICL duration, or null when ICL does not define it. */
export function iclDurationToSpec(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d+)\s*(s|min|h|d|mon|y)$/.exec(raw.trim());
  if (m === null) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? '';
  if (n <= 0 || !Number.isSafeInteger(n)) return null;
  if (unit === 's') return `${n}s`;
  if (unit === 'min') return `${n}m`;
  return `${n * (HOURS[unit] ?? 0)}h`;
}
