import type { StateBackend } from '../state/state-types.js';

/** How an operation takes the state lock. */
export interface StateLockOptions {
  /** `--lock=false` skips locking (the user knows nothing else runs). */
  readonly lock: boolean;
  readonly timeoutMs: number;
  /** `plan`, `refresh`, `import`. */
  readonly operation: string;
  /** `user@host (pid N)`. */
  readonly who: string;
  readonly version: string;
}

/**
 * Runs `fn` holding the state lock, and always releases it — also when `fn` throws. A failure to
 * release never hides the error that `fn` raised.
 */
export async function withStateLock<T>(
  backend: StateBackend,
  opts: StateLockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  if (!opts.lock) return fn();
  const info = await backend.acquireLock(
    { operation: opts.operation, who: opts.who, version: opts.version },
    opts.timeoutMs,
  );
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await backend.releaseLock(info.id).catch(() => undefined);
    throw err;
  }
  await backend.releaseLock(info.id);
  return result;
}
