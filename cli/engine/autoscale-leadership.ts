import { lockWho } from '../state/lock-holder.js';
import type { LockInfo, StateBackend } from '../state/state-types.js';
import {
  notLeaderError,
  releaseLeaderLock,
  tryLeaderLock,
  waitingLine,
} from './autoscale-leader.js';

/** Held leadership of a stack's controllers, whatever elected it. */
export interface Leadership {
  /** False once it is gone (pg: the leader's connection died): the controller stops acting. */
  alive(): Promise<boolean>;
  release(): Promise<void>;
}

/** How to bid for leadership. */
export interface AcquireLeadershipOptions {
  readonly backend: StateBackend;
  readonly stack: string;
  /** The leader file of the local backend. */
  readonly leaderPath: string;
  readonly version: string;
  readonly once: boolean;
  readonly intervalMs: number;
  readonly stop: AbortSignal;
  readonly onLine: (line: string) => void;
  /** Resolves true after `ms`, false when `stop` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<boolean>;
}

/**
 * Bids each interval until this controller leads (or `stop`): on a backend that elects (pg) through
 * its advisory lock, else through the leader file beside the local state. `--once` with another
 * leader is `autoscale/not-leader`. Null when stopped while waiting.
 */
export async function acquireLeadership(
  opts: AcquireLeadershipOptions,
): Promise<Leadership | null> {
  for (;;) {
    const holder = await bid(opts);
    if (!('holder' in holder)) return holder;
    if (opts.once)
      throw notLeaderError(
        holder.holder,
        opts.stack,
        opts.backend.tryLeader === undefined ? opts.leaderPath : opts.backend.location,
      );
    opts.onLine(waitingLine(holder.holder, opts.stack));
    if (!(await opts.sleep(opts.intervalMs, opts.stop))) return null;
  }
}

async function bid(opts: AcquireLeadershipOptions): Promise<Leadership | { holder: LockInfo }> {
  const tryLeader = opts.backend.tryLeader;
  if (tryLeader !== undefined) {
    const r = await tryLeader.call(opts.backend, {
      operation: 'autoscale',
      who: lockWho(),
      version: opts.version,
    });
    return r.acquired
      ? { alive: () => r.alive(), release: () => r.release() }
      : { holder: r.holder };
  }
  const r = await tryLeaderLock({
    path: opts.leaderPath,
    statePath: opts.backend.location,
    version: opts.version,
  });
  if (!r.acquired) return { holder: r.holder };
  const lock = r.lock;
  return { alive: async () => true, release: () => releaseLeaderLock(lock) };
}
