/**
 * ICL durations (`2h`, `30min`, `1d`, `1mon`, `1y`: whole numbers only) → spec durations. The spec
 * reads the same units except that minutes are `m`; `mon` is 30 days and `y` 365 days in both.
 * Anything else is refused rather than read as 0 blocks, which is what SDK 1.3.5 does (§3.3).
 */
export function iclDurationToSpec(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(\d+)\s*(s|min|h|d|mon|y)$/.exec(raw.trim());
  if (m === null) return null;
  const n = Number(m[1]);
  if (n <= 0 || !Number.isSafeInteger(n)) return null;
  return `${n}${m[2] === 'min' ? 'm' : (m[2] ?? '')}`;
}
