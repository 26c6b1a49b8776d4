/**
 * A tiny duration parser for core flags (`--lock-timeout 30s`). The core may not import
 * provider/spec/units, and flags need only whole milliseconds, seconds or minutes.
 */

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000 };

/**
 * Parses `250ms`, `30s`, `5m` (or a bare `0`) into milliseconds; throws on anything else, which
 * oclif reports as an invalid flag value.
 * @example parseDurationFlag('30s') // 30000
 */
export function parseDurationFlag(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const m = /^(\d+)(ms|s|m)$/.exec(trimmed);
  const unit = m?.[2];
  if (m === null || unit === undefined)
    throw new Error(
      `Expected a duration like 500ms, 30s or 5m (a whole number and ms|s|m), got "${text}".`,
    );
  const ms = Number(m[1]) * (UNIT_MS[unit] ?? 1);
  if (!Number.isSafeInteger(ms)) throw new Error(`Duration "${text}" is too large.`);
  return ms;
}
