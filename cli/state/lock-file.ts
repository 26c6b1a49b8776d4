import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LockInfo } from './state-types.js';
import { isCode } from './write-file-atomic.js';

/**
 * Creates the lock file with `wx` (O_CREAT|O_EXCL), so of two processes racing exactly one wins;
 * returns false when it already exists.
 */
export async function tryCreateLockFile(path: string, info: LockInfo): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  let fh;
  try {
    fh = await open(path, 'wx', 0o644);
  } catch (err) {
    if (isCode(err, 'EEXIST')) return false;
    throw err;
  }
  try {
    await fh.writeFile(JSON.stringify(info, null, 2) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

function isLockInfo(v: unknown): v is LockInfo {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return ['id', 'operation', 'who', 'version', 'created', 'path'].every(
    (k) => typeof o[k] === 'string',
  );
}

/**
 * Reads the lock file: null when there is none. A lock file that exists but cannot be read as
 * LockInfo (its creator is between `open` and `write`, or it was hand-edited) is re-read a few
 * times, then reported with placeholder fields so the caller still fails safe.
 */
export async function readLockFile(path: string): Promise<LockInfo | null> {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if (isCode(err, 'ENOENT')) return null;
      throw err;
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (isLockInfo(parsed)) return parsed;
    } catch {
      // Fall through: not (yet) a complete lock file.
    }
    if (attempt >= 4) return unreadableLock(path);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function unreadableLock(path: string): LockInfo {
  return {
    id: 'unreadable',
    operation: 'unknown',
    who: 'unknown',
    version: 'unknown',
    created: 'unknown',
    path,
  };
}

/** Removes the lock file; a lock already gone is not an error. */
export async function removeLockFile(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw err;
  }
}
