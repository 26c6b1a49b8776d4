import { formatDuration } from '../../common/index.js';
import type { LockInfo } from './state-types.js';

/**
 * The line a command prints when it waits for a state lock another operation holds
 * (`--lock-timeout`): who holds it, for what, since when, and how long this one will wait.
 * @example lockWaitLine(holder, 120_000) // 'Waiting for the state lock, held by ana@box (pid 7) for "apply" since 2026-…Z (up to 2m)…'
 */
export function lockWaitLine(holder: LockInfo, timeoutMs: number): string {
  return `Waiting for the state lock, held by ${holder.who} for "${holder.operation}" since ${holder.created} (up to ${formatDuration(timeoutMs)})…`;
}
