import type { LockInfo } from '../state-types.js';
import { advisoryHolderPid } from './pg-advisory-lock.js';
import type { PgQueryable } from './pg-types.js';

/** The LockInfo row of `key` (a stack, or `<stack>#leader`), or null. */
export async function readLockRow(
  q: PgQueryable,
  s: string,
  key: string,
  path: string,
): Promise<LockInfo | null> {
  const res = await q.query(
    `SELECT id, operation, who, version, created FROM ${s}.locks WHERE stack = $1`,
    [key],
  );
  const r = res.rows[0] as
    { id: string; operation: string; who: string; version: string; created: Date } | undefined;
  return r === undefined
    ? null
    : {
        id: r.id,
        operation: r.operation,
        who: r.who,
        version: r.version,
        created: r.created.toISOString(),
        path,
      };
}

/** Writes the LockInfo row of the session that holds the advisory lock. */
export async function writeLockRow(
  q: PgQueryable,
  s: string,
  key: string,
  lock: LockInfo,
): Promise<void> {
  await q.query(
    `INSERT INTO ${s}.locks (stack, id, operation, who, version, created, backend_pid)
       VALUES ($1, $2, $3, $4, $5, $6, pg_backend_pid())
       ON CONFLICT (stack) DO UPDATE SET id = $2, operation = $3, who = $4, version = $5, created = $6, backend_pid = pg_backend_pid()`,
    [key, lock.id, lock.operation, lock.who, lock.version, lock.created],
  );
}

/**
 * Who holds the advisory lock `lockKey`: its row, or — in the instant between the lock and its
 * row — the server process pg_locks names. Null when nobody holds it (a row left by a dead holder
 * is not a lock).
 */
export async function currentHolder(
  q: PgQueryable,
  opts: { s: string; key: string; lockKey: number; path: string; now: number },
): Promise<LockInfo | null> {
  const pid = await advisoryHolderPid(q, opts.lockKey);
  if (pid === null) return null;
  const row = await readLockRow(q, opts.s, opts.key, opts.path);
  return (
    row ?? {
      id: 'unknown',
      operation: 'unknown',
      who: `server process ${pid}`,
      version: 'unknown',
      created: new Date(opts.now).toISOString(),
      path: opts.path,
    }
  );
}
