import { hostname, userInfo } from 'node:os';

/** `user@host (pid N)`: who holds a lock, as LockInfo.who records it. */
export function lockWho(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
    user = process.env['USER'] ?? 'unknown';
  }
  return `${user}@${hostname()} (pid ${process.pid})`;
}

/** The host and pid a `who` string names, or null when it is not in Leasehold's form. */
export function parseLockWho(who: string): { host: string; pid: number } | null {
  const m = /@([^@\s]+) \(pid (\d+)\)$/.exec(who);
  if (m?.[1] === undefined || m[2] === undefined) return null;
  return { host: m[1], pid: Number(m[2]) };
}

/**
 * Whether the lock's holder is known to be dead: its pid names no process on THIS host. A holder
 * on another host, or one we may not signal, counts as alive (never guess a lock away).
 */
export function isLockHolderGone(who: string): boolean {
  const parsed = parseLockWho(who);
  if (parsed === null || parsed.host !== hostname()) return false;
  try {
    process.kill(parsed.pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: unknown }).code === 'ESRCH';
  }
}

/** Delay before lock retry number `attempt` (0-based): 100 ms doubling, capped at 2 s. */
export function lockBackoffMs(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 10), 2000);
}
