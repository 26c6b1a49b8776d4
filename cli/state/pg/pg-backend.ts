import { createHash, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { systemClock } from '../../../common/index.js';
import type { Clock } from '../../../common/index.js';
import { LeaseholdError } from '../../diag/index.js';
import type { StateCodec } from '../crypto/state-codec.js';
import { lockBackoffMs } from '../lock-holder.js';
import {
  StateConflictError,
  StateCorruptError,
  StateLockedError,
  StateLockMismatchError,
  StateWrongStackError,
} from '../state-errors.js';
import type {
  ActivityEntry,
  LockInfo,
  StackState,
  StateBackend,
  StateVersion,
} from '../state-types.js';
import { summarizeStateChange } from '../summarize-state-change.js';
import {
  advisoryHolderPid,
  advisoryKey,
  decideSessionPinned,
  poolerError,
  probeSession,
  tryAdvisoryLock,
} from './pg-advisory-lock.js';
import { checkout, connectSession, createDataPool } from './pg-connect.js';
import { pgError } from './pg-errors.js';
import { ensurePgSchema, PG_SCHEMA_VERSION, quoteIdent } from './pg-schema.js';
import { describePgTarget } from './pg-target.js';
import type { PgTarget } from './pg-target.js';
import type { PgClientLike, PgQueryable } from './pg-types.js';

/** What the pg backend needs: where (from the environment), which stack, and how to encode. */
export interface PgBackendOptions {
  readonly target: PgTarget;
  readonly stack: string;
  /** @default "leasehold" */
  readonly schema: string;
  /** Versions kept per stack. @default 100 */
  readonly keep: number;
  readonly codec: StateCodec;
  /** Recorded as each version's writer. */
  readonly writer: string;
  readonly clock?: Clock | undefined;
  readonly onLockWait?: ((holder: LockInfo, timeoutMs: number) => void) | undefined;
}

interface Held {
  readonly client: PgClientLike;
  lost: Error | null;
}

/**
 * The PostgreSQL StateBackend (OpenTofu's pg backend, without its gaps): every write a new
 * version row, compare-and-swap on lineage+serial through the `heads` row, the last N versions
 * kept; a session advisory lock on a dedicated connection (dies with the holder) plus a lock row
 * holding LockInfo; a pooler that breaks sessions is refused.
 */
export function createPgBackend(opts: PgBackendOptions): StateBackend {
  const { target, stack, codec } = opts;
  const clock = opts.clock ?? systemClock;
  const s = quoteIdent(opts.schema);
  const where = describePgTarget(target);
  const location = `pg://${where}/${opts.schema}/${stack}`;
  const lockKey = advisoryKey(`${opts.schema}\0${stack}`);
  const held = new Map<string, Held>();
  let pool: Pool | null = null;
  let ready: Promise<void> | null = null;
  let base: { lineage: string; serial: number } | null = null;
  let lastState: StackState | null = null;

  async function db(): Promise<Pool> {
    pool ??= await createDataPool(target);
    const p = pool;
    ready ??= (async () => {
      const c = await checkout(p, target);
      try {
        await ensurePgSchema(c, opts.schema);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('newer:'))
          throw new LeaseholdError({
            code: 'state/pg-schema-newer',
            summary: 'The pg schema was written by a newer Leasehold',
            detail: `Schema "${opts.schema}" in ${where} is at version ${err.message.slice(6)}; this Leasehold knows version ${PG_SCHEMA_VERSION}.`,
            hint: 'Upgrade Leasehold.',
          });
        throw pgError(err, target, 'creating the schema in');
      } finally {
        c.release();
      }
    })().catch((err: unknown) => {
      ready = null;
      throw err;
    });
    await ready;
    return p;
  }

  async function run<T>(doing: string, fn: (q: PgQueryable) => Promise<T>): Promise<T> {
    const p = await db();
    const c = await checkout(p, target);
    let broken: Error | undefined;
    try {
      return await fn(c);
    } catch (err) {
      if (!(err instanceof LeaseholdError)) broken = err as Error;
      throw pgError(err, target, doing);
    } finally {
      c.release(broken);
    }
  }

  async function read(): Promise<StackState | null> {
    const row = await run('reading the state from', async (q) => {
      const res = await q.query(
        `SELECT h.lineage, h.serial, v.body, v.content_hash FROM ${s}.heads h
           JOIN ${s}.versions v ON v.id = h.version_id WHERE h.stack = $1`,
        [stack],
      );
      return res.rows[0] as
        { lineage: string; serial: string; body: string; content_hash: string } | undefined;
    });
    if (row === undefined) {
      base = null;
      lastState = null;
      return null;
    }
    if (contentHash(row.body) !== row.content_hash)
      throw new StateCorruptError({
        file: location,
        jsonPath: '',
        problem: `content hash mismatch at serial ${row.serial}`,
      });
    const state = codec.decode(row.body, { where: location, stack });
    base = { lineage: row.lineage, serial: Number(row.serial) };
    lastState = state;
    return state;
  }

  async function write(state: StackState): Promise<void> {
    if (state.stack !== stack)
      throw new StateWrongStackError({ file: location, expected: stack, found: state.stack });
    for (const h of held.values())
      if (h.lost !== null)
        throw new LeaseholdError({
          code: 'state/lock-lost',
          summary: 'The state lock was lost',
          detail: `The connection holding the lock on ${location} died (${h.lost.message}); another process may hold the lock now, so nothing was written.`,
          hint: 'Check that PostgreSQL runs, then run the command again.',
        });
    const { text, encrypted } = codec.encode(state);
    const hash = contentHash(text);
    const summary = summarizeStateChange(lastState, state);
    const expected = base;
    const outcome = await run('writing the state to', async (q) => {
      await q.query('BEGIN');
      try {
        const swapped =
          expected === null
            ? await q.query(
                `INSERT INTO ${s}.heads (stack, lineage, serial, version_id) VALUES ($1, $2, $3, 0) ON CONFLICT (stack) DO NOTHING`,
                [stack, state.lineage, state.serial],
              )
            : await q.query(
                `UPDATE ${s}.heads SET lineage = $2, serial = $3 WHERE stack = $1 AND lineage = $4 AND serial = $5`,
                [stack, state.lineage, state.serial, expected.lineage, expected.serial],
              );
        if (swapped.rowCount !== 1) {
          await q.query('ROLLBACK');
          const cur = await q.query(
            `SELECT h.lineage, h.serial, v.writer FROM ${s}.heads h LEFT JOIN ${s}.versions v ON v.id = h.version_id WHERE h.stack = $1`,
            [stack],
          );
          const r = cur.rows[0] as
            { lineage: string; serial: string; writer: string | null } | undefined;
          return {
            conflict:
              r === undefined
                ? null
                : { lineage: r.lineage, serial: Number(r.serial), writer: r.writer ?? undefined },
          };
        }
        const ins = await q.query(
          `INSERT INTO ${s}.versions (stack, serial, lineage, writer, content_hash, encrypted, summary, body)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [stack, state.serial, state.lineage, opts.writer, hash, encrypted, summary, text],
        );
        const id = (ins.rows[0] as { id: string }).id;
        await q.query(`UPDATE ${s}.heads SET version_id = $2 WHERE stack = $1`, [stack, id]);
        await q.query(
          `DELETE FROM ${s}.versions WHERE stack = $1 AND id < (
             SELECT coalesce(min(id), 0) FROM (SELECT id FROM ${s}.versions WHERE stack = $1 ORDER BY id DESC LIMIT $2) k)`,
          [stack, opts.keep],
        );
        await q.query('COMMIT');
        return { conflict: undefined };
      } catch (err) {
        await q.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
    if (outcome.conflict !== undefined)
      throw new StateConflictError({ location, expected, found: outcome.conflict });
    base = { lineage: state.lineage, serial: state.serial };
    lastState = state;
  }

  async function readLockRow(q: PgQueryable): Promise<LockInfo | null> {
    const res = await q.query(
      `SELECT id, operation, who, version, created, backend_pid FROM ${s}.locks WHERE stack = $1`,
      [stack],
    );
    const r = res.rows[0] as
      | {
          id: string;
          operation: string;
          who: string;
          version: string;
          created: Date;
          backend_pid: number;
        }
      | undefined;
    return r === undefined
      ? null
      : {
          id: r.id,
          operation: r.operation,
          who: r.who,
          version: r.version,
          created: r.created.toISOString(),
          path: location,
        };
  }

  /** The holder of the advisory lock: its row, or what pg_locks tells when the row is not there yet. */
  async function currentHolder(q: PgQueryable): Promise<LockInfo | null> {
    const pid = await advisoryHolderPid(q, lockKey);
    if (pid === null) return null;
    const row = await readLockRow(q);
    if (row !== null) return row;
    return {
      id: 'unknown',
      operation: 'unknown',
      who: `server process ${pid}`,
      version: 'unknown',
      created: new Date(clock.now()).toISOString(),
      path: location,
    };
  }

  async function acquireLock(
    info: Omit<LockInfo, 'id' | 'created' | 'path'>,
    timeoutMs: number,
  ): Promise<LockInfo> {
    await db();
    const start = clock.now();
    const entry: Held = { client: null as unknown as PgClientLike, lost: null };
    const client = await connectSession(target, (err) => {
      entry.lost = err;
    });
    (entry as { client: PgClientLike }).client = client;
    try {
      for (let attempt = 0; ; attempt++) {
        const got = await tryAdvisoryLock(client, lockKey);
        if (got.granted) {
          const problem = decideSessionPinned(await probeSession(client, lockKey, got.pid));
          if (problem !== null) throw poolerError(where, problem);
          const lock: LockInfo = {
            id: randomUUID(),
            operation: info.operation,
            who: info.who,
            version: info.version,
            created: new Date(clock.now()).toISOString(),
            path: location,
          };
          await client.query(
            `INSERT INTO ${s}.locks (stack, id, operation, who, version, created, backend_pid)
               VALUES ($1, $2, $3, $4, $5, $6, pg_backend_pid())
               ON CONFLICT (stack) DO UPDATE SET id = $2, operation = $3, who = $4, version = $5, created = $6, backend_pid = pg_backend_pid()`,
            [stack, lock.id, lock.operation, lock.who, lock.version, lock.created],
          );
          held.set(lock.id, entry);
          return lock;
        }
        const holder = (await currentHolder(client)) ?? null;
        const waited = clock.now() - start;
        if (holder !== null && waited >= timeoutMs)
          throw new StateLockedError({ holder, waitedMs: waited, stale: false });
        if (holder !== null && attempt === 0) opts.onLockWait?.(holder, timeoutMs);
        await clock.sleep(
          holder === null ? 10 : Math.min(lockBackoffMs(attempt), Math.max(0, timeoutMs - waited)),
        );
      }
    } catch (err) {
      await client.end().catch(() => undefined);
      throw pgError(err, target, 'locking the state in');
    }
  }

  async function releaseLock(id: string): Promise<void> {
    const h = held.get(id);
    if (h === undefined) return;
    held.delete(id);
    try {
      if (h.lost === null) {
        await h.client.query(`DELETE FROM ${s}.locks WHERE stack = $1 AND id = $2`, [stack, id]);
        await h.client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', [
          0x4c487374,
          lockKey,
        ]);
      }
    } catch {
      // The connection is going away anyway: ending it frees the lock.
    } finally {
      await h.client.end().catch(() => undefined);
    }
  }

  async function readLock(): Promise<LockInfo | null> {
    return run('reading the lock from', currentHolder);
  }

  async function forceUnlock(id: string): Promise<void> {
    await run('unlocking the state in', async (q) => {
      const row = await readLockRow(q);
      const pid = await advisoryHolderPid(q, lockKey);
      if (row === null || row.id !== id || pid === null)
        throw new StateLockMismatchError({
          path: location,
          given: id,
          current: pid === null ? null : row,
        });
      // The lock lives in the holder's session: ending that session is the only way to free it.
      await q.query('SELECT pg_terminate_backend($1)', [pid]);
      await q.query(`DELETE FROM ${s}.locks WHERE stack = $1 AND id = $2`, [stack, id]);
    });
  }

  async function history(limit: number): Promise<readonly StateVersion[]> {
    return run('reading the history from', async (q) => {
      const res = await q.query(
        `SELECT serial, lineage, writer, written_at, content_hash, encrypted, summary FROM ${s}.versions
           WHERE stack = $1 ORDER BY id DESC LIMIT $2`,
        [stack, limit],
      );
      return (
        res.rows as {
          serial: string;
          lineage: string;
          writer: string;
          written_at: Date;
          content_hash: string;
          encrypted: boolean;
          summary: string;
        }[]
      ).map((r) => ({
        serial: Number(r.serial),
        lineage: r.lineage,
        writer: r.writer,
        writtenAt: r.written_at.toISOString(),
        contentHash: r.content_hash,
        encrypted: r.encrypted,
        summary: r.summary,
      }));
    });
  }

  async function readVersion(serial: number): Promise<StackState | null> {
    const row = await run('reading a version from', async (q) => {
      const res = await q.query(
        `SELECT body, content_hash FROM ${s}.versions WHERE stack = $1 AND serial = $2 ORDER BY id DESC LIMIT 1`,
        [stack, serial],
      );
      return res.rows[0] as { body: string; content_hash: string } | undefined;
    });
    if (row === undefined) return null;
    if (contentHash(row.body) !== row.content_hash)
      throw new StateCorruptError({
        file: `${location}@${serial}`,
        jsonPath: '',
        problem: 'content hash mismatch',
      });
    return codec.decode(row.body, { where: `${location}@${serial}`, stack });
  }

  async function appendActivity(entry: ActivityEntry): Promise<void> {
    await run('logging activity to', (q) =>
      q.query(`INSERT INTO ${s}.activity (stack, at, entry) VALUES ($1, $2, $3)`, [
        stack,
        entry.at,
        JSON.stringify(entry),
      ]),
    );
  }

  async function readActivity(filter: {
    since?: string | undefined;
  }): Promise<readonly ActivityEntry[]> {
    return run('reading activity from', async (q) => {
      const res = await q.query(
        `SELECT entry FROM ${s}.activity WHERE stack = $1 AND at >= $2 ORDER BY at, id`,
        [stack, filter.since ?? '1970-01-01T00:00:00Z'],
      );
      return (res.rows as { entry: ActivityEntry }[]).map((r) => r.entry);
    });
  }

  async function close(): Promise<void> {
    for (const id of [...held.keys()]) await releaseLock(id);
    const p = pool;
    pool = null;
    ready = null;
    await p?.end().catch(() => undefined);
  }

  return {
    kind: 'pg',
    location,
    read,
    write,
    acquireLock,
    releaseLock,
    forceUnlock,
    readLock,
    history,
    readVersion,
    appendActivity,
    readActivity,
    close,
  };
}

/** `sha256:<hex>` of a stored text: checked on every read, so a damaged row is never used. */
function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
