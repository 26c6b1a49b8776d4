import { isLockHolderGone } from './lock-holder.js';
import { readLockFile, removeLockFile, tryCreateLockFile } from './lock-file.js';
import type { LockInfo } from './state-types.js';

/** What one try for a lock file found: ours now, or held by `holder`. */
export type TryLockFileResult =
  { readonly acquired: true } | { readonly acquired: false; readonly holder: LockInfo };

/**
 * One try for a lock file (the state lock, the controller's leader lock): creates it with `info`
 * (`wx`, so of racing processes exactly one wins). A lock whose holder died on this host (kill -9, a
 * crash) is taken over through {@link takeOverDeadLock}, as the OS lock of Terraform's local backend
 * frees itself; a holder elsewhere, or alive, is never guessed away. Never waits: callers retry
 * with their own backoff. A dead holder in the result means another process is taking it over now.
 */
export async function tryLockFile(path: string, info: LockInfo): Promise<TryLockFileResult> {
  for (;;) {
    if (await tryCreateLockFile(path, info)) return { acquired: true };
    const holder = await readLockFile(path);
    // Released between our create and our read: try again at once.
    if (holder === null) continue;
    if (isLockHolderGone(holder.who) && (await takeOverDeadLock(path, holder, info))) continue;
    return { acquired: false, holder };
  }
}

/**
 * Removes a lock whose holder is dead — once, even when several processes find it at the same
 * moment: a guard file (`wx`) lets one of them re-check and remove it, so none can remove a
 * fresh lock another has just taken. A guard left by a taker that died is itself cleared.
 */
async function takeOverDeadLock(path: string, dead: LockInfo, me: LockInfo): Promise<boolean> {
  const guard = `${path}.takeover`;
  if (!(await tryCreateLockFile(guard, me))) {
    const g = await readLockFile(guard);
    if (g !== null && isLockHolderGone(g.who)) await removeLockFile(guard);
    return false;
  }
  try {
    const again = await readLockFile(path);
    if (again?.id !== dead.id || !isLockHolderGone(again.who)) return false;
    await removeLockFile(path);
    return true;
  } finally {
    await removeLockFile(guard);
  }
}
