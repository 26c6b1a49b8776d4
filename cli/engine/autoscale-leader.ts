import { randomUUID } from 'node:crypto';
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import { LeaseholdError } from '../diag/index.js';
import { readLockFile, removeLockFile } from '../state/lock-file.js';
import { isLockHolderGone, lockBackoffMs, lockWho, parseLockWho } from '../state/lock-holder.js';
import { tryLockFile } from '../state/try-lock-file.js';
import type { LockInfo } from '../state/state-types.js';

/** The leader lock of one stack's controllers: a lock file like the state lock's, held for the run. */
export interface LeaderLock {
  readonly path: string;
  readonly info: LockInfo;
}

/** What trying for the leader lock found. */
export type TryLeaderResult =
  | { readonly acquired: true; readonly lock: LeaderLock }
  | { readonly acquired: false; readonly holder: LockInfo };

/**
 * Tries for the leader lock: the state lock's own mechanism ({@link tryLockFile}: `wx`-created, so
 * of two racing controllers exactly one wins, and a lock whose holder is known dead — its pid names
 * no process on this host — is taken over through the same guard, so two controllers finding the
 * same dead leader cannot both lead). A live holder is reported at once; a dead one still there
 * means another controller is taking it over, so this waits briefly for the outcome.
 */
export async function tryLeaderLock(opts: {
  readonly path: string;
  readonly statePath: string;
  readonly version: string;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}): Promise<TryLeaderResult> {
  const clock = opts.clock ?? systemClock;
  for (let attempt = 0; ; attempt += 1) {
    const info: LockInfo = {
      id: randomUUID(),
      operation: 'autoscale',
      who: lockWho(),
      version: opts.version,
      created: new Date(clock.now()).toISOString(),
      path: opts.statePath,
    };
    const tried = await tryLockFile(opts.path, info);
    if (tried.acquired) return { acquired: true, lock: { path: opts.path, info } };
    if (attempt >= TAKEOVER_RETRIES || !isLockHolderGone(tried.holder.who))
      return { acquired: false, holder: tried.holder };
    await clock.sleep(lockBackoffMs(attempt));
  }
}

// Retries while another controller takes a dead leader's lock over: 100 ms doubling, ~3 s in all.
const TAKEOVER_RETRIES = 5;

/** Releases the leader lock if it is still ours. */
export async function releaseLeaderLock(lock: LeaderLock): Promise<void> {
  const held = await readLockFile(lock.path);
  if (held?.id === lock.info.id) await removeLockFile(lock.path);
}

/** "pid N on host", or the holder's `who` as written when it is not in Leasehold's form. */
export function describeLeader(holder: LockInfo): string {
  const p = parseLockWho(holder.who);
  return p === null ? holder.who : `pid ${p.pid} on ${p.host}`;
}

/** The line a waiting controller prints each interval. */
export function waitingLine(holder: LockInfo, stack: string): string {
  return `Another controller (${describeLeader(holder)}) leads stack ${stack}; waiting…`;
}

/** `--once` with the leader lock held elsewhere: `autoscale/not-leader`. */
export function notLeaderError(holder: LockInfo, stack: string, path: string): LeaseholdError {
  return new LeaseholdError({
    code: 'autoscale/not-leader',
    summary: 'Another controller leads the stack',
    detail: `Stack ${stack} is led by the controller ${holder.who} since ${holder.created} (leader lock ${path}); only one controller acts per stack.`,
    hint: 'Stop the other controller, or run `leasehold autoscale --once` again after it exits.',
  });
}
