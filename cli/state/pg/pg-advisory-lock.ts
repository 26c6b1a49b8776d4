import { createHash } from 'node:crypto';
import { LeaseholdError } from '../../diag/index.js';
import { LOCK_NAMESPACE } from './pg-schema.js';
import type { PgQueryable } from './pg-types.js';

/** The advisory-lock key (objid, int4) of a name within the Leasehold namespace. */
export function advisoryKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

/** Tries the session-level advisory lock; returns whether it was granted and the backend pid. */
export async function tryAdvisoryLock(
  db: PgQueryable,
  key: number,
): Promise<{ readonly granted: boolean; readonly pid: number }> {
  const res = await db.query(
    'SELECT pg_try_advisory_lock($1::int4, $2::int4) AS granted, pg_backend_pid() AS pid',
    [LOCK_NAMESPACE, key],
  );
  const row = res.rows[0] as { granted: boolean; pid: number };
  return { granted: row.granted, pid: Number(row.pid) };
}

/** What a second statement on the lock's session saw. */
export interface SessionProbe {
  readonly pidAtLock: number;
  readonly pidNow: number;
  /** Whether pg_locks shows the advisory lock held by the session running the probe. */
  readonly lockVisible: boolean;
}

/**
 * Whether the connection is really one server session (pure). A pooler in transaction or
 * statement mode (PgBouncer's default for many setups) runs each statement on whatever server
 * connection is free: the backend pid changes, or the lock just taken is not held by the session
 * that answers — and a session lock there protects nothing. Returns the problem, or null.
 */
export function decideSessionPinned(p: SessionProbe): string | null {
  if (p.pidNow !== p.pidAtLock)
    return `the lock was taken by server process ${p.pidAtLock}, but the next statement ran on ${p.pidNow}`;
  if (!p.lockVisible)
    return `server process ${p.pidNow} does not hold the advisory lock it was just granted`;
  return null;
}

/** Runs the probe for {@link decideSessionPinned} on the lock's connection. */
export async function probeSession(
  db: PgQueryable,
  key: number,
  pidAtLock: number,
): Promise<SessionProbe> {
  const res = await db.query(
    `SELECT pg_backend_pid() AS pid, EXISTS (
       SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
         AND classid = ($1::int8 & 4294967295)::text::oid AND objid = ($2::int8 & 4294967295)::text::oid
         AND objsubid = 2) AS held`,
    [LOCK_NAMESPACE, key],
  );
  const row = res.rows[0] as { pid: number; held: boolean };
  return { pidAtLock, pidNow: Number(row.pid), lockVisible: row.held };
}

/** The connection runs through a pooler that breaks session locks: `state/pg-pooler`. */
export function poolerError(where: string, problem: string): LeaseholdError {
  return new LeaseholdError({
    code: 'state/pg-pooler',
    summary: 'PostgreSQL connection does not keep a session',
    detail: `Connected to ${where}, ${problem}. This happens behind a pooler in transaction or statement mode (PgBouncer's pool_mode=transaction), where session advisory locks silently stop protecting the state. Leasehold refuses to lock there.`,
    hint: 'Connect Leasehold directly to PostgreSQL, or through a pool in session mode (PgBouncer pool_mode=session).',
  });
}

/** The pid holding an advisory lock, or null when none does. */
export async function advisoryHolderPid(db: PgQueryable, key: number): Promise<number | null> {
  const res = await db.query(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted
       AND classid = ($1::int8 & 4294967295)::text::oid AND objid = ($2::int8 & 4294967295)::text::oid
       AND objsubid = 2 LIMIT 1`,
    [LOCK_NAMESPACE, key],
  );
  const row = res.rows[0] as { pid: number } | undefined;
  return row === undefined ? null : Number(row.pid);
}
