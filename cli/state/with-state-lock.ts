import type { LockInfo, StateBackend } from './state-types.js';
import { lockWho } from './lock-holder.js';

/** How an operation takes the state lock (`--lock`, `--lock-timeout`). */
export interface StateLockOptions {
  readonly backend: StateBackend;
  /** False under `--no-lock`: run without locking. */
  readonly lock: boolean;
  readonly timeoutMs: number;
  /** `plan`, `apply`, `state rm`, … */
  readonly operation: string;
  /** Leasehold's version, recorded in the lock. */
  readonly version: string;
}

/**
 * Runs `fn` holding the state lock, and releases it afterwards whatever happens (Terraform's
 * lock-for-the-operation). `fn` gets the lock, or null under `--no-lock`.
 */
export async function withStateLock<T>(
  opts: StateLockOptions,
  fn: (lock: LockInfo | null) => Promise<T>,
): Promise<T> {
  if (!opts.lock) return fn(null);
  const lock = await opts.backend.acquireLock(
    { operation: opts.operation, who: lockWho(), version: opts.version },
    opts.timeoutMs,
  );
  try {
    return await fn(lock);
  } finally {
    await opts.backend.releaseLock(lock.id);
  }
}
