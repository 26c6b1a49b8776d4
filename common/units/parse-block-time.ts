import { parseDuration } from './parse-duration.js';
import { unitFail } from './unit-result.js';
import type { UnitResult } from './unit-result.js';

/** The longest block time accepted: a typo such as `12m` for `12s` fails instead of pricing 60× off. */
const MAX_BLOCK_TIME_MS = 600_000;

/**
 * Parses a chain's block time (the spec's `network.blockTime`, an address book's `blockTime`) into
 * milliseconds: a duration such as `2s` or `250ms`, or a bare number of seconds; above zero and at
 * most 10 minutes.
 */
export function parseBlockTime(v: string | number): UnitResult<number> {
  const r = parseDuration(v);
  if (!r.ok) return r;
  if (r.value <= 0 || r.value > MAX_BLOCK_TIME_MS)
    return unitFail('expected a block time above 0 and at most 10m, such as 2s, 12s or 250ms');
  return r;
}
