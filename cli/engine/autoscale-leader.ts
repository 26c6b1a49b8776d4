import { randomUUID } from 'node:crypto';
import { LeaseholdError } from '../diag/index.js';
import { readLockFile, removeLockFile, tryCreateLockFile } from '../state/lock-file.js';
import { isLockHolderGone, lockWho, parseLockWho } from '../state/lock-holder.js';
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
 * Tries once for the leader lock (`wx`-created, so of two racing controllers exactly one wins). A
 * lock whose holder is known dead (its pid names no process on this host) is taken over.
 */
export async function tryLeaderLock(opts: {
  readonly path: string;
  readonly statePath: string;
  readonly version: string;
}): Promise<TryLeaderResult> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const info: LockInfo = {
      id: randomUUID(),
      operation: 'autoscale',
      who: lockWho(),
      version: opts.version,
      created: new Date().toISOString(),
      path: opts.statePath,
    };
    if (await tryCreateLockFile(opts.path, info))
      return { acquired: true, lock: { path: opts.path, info } };
    const holder = await readLockFile(opts.path);
    if (holder === null) continue;
    if (!isLockHolderGone(holder.who)) return { acquired: false, holder };
    // The holder died without releasing: remove its lock only if it is still the same one.
    const again = await readLockFile(opts.path);
    if (again?.id === holder.id) await removeLockFile(opts.path);
  }
  const holder = await readLockFile(opts.path);
  if (holder === null) throw new Error(`leader lock ${opts.path} could not be taken`);
  return { acquired: false, holder };
}

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
