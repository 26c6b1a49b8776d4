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
  ActivityFilter,
  LeaderAttempt,
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
import { currentHolder, readLockRow, writeLockRow } from './pg-lock-row.js';
import { ensurePgSchema, LOCK_NAMESPACE, PG_SCHEMA_VERSION, quoteIdent } from './pg-schema.js';
import { describePgTarget } from './pg-target.js';
import type { PgTarget } from './pg-target.js';
import type { PgClientLike, PgQueryable } from './pg-types.js';
import { writeVersion } from './pg-write-version.js';

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

type LockRequest = Omit<LockInfo, 'id' | 'created' | 'path'>;

/** A held lock: its dedicated session, and why it died if it did. */
interface Held {
  client: PgClientLike | null;
  lost: Error | null;
}

/**
 * The PostgreSQL StateBackend (OpenTofu's pg backend, without its gaps): every write a new
 * version row, compare-and-swap on lineage+serial through the `heads` row, the last N versions
 * kept; a session advisory lock on a dedicated connection (dies with the holder) plus a lock row
 * holding LockInfo; a pooler that breaks sessions is refused.
 */
export function createPgBackend(opts: PgBackendOptions): StateBackend {
  return new PgBackend(opts);
}

class PgBackend implements StateBackend {
  readonly kind = 'pg' as const;
  readonly location: string;
  private readonly s: string;
  private readonly where: string;
  private readonly lockKey: number;
  private readonly clock: Clock;
  private readonly held = new Map<string, Held>();
  private pool: Pool | null = null;
  private ready: Promise<void> | null = null;
  /** The head this process last read or wrote: what a write must still find (CAS). */
  private base: { lineage: string; serial: number } | null = null;
  private lastState: StackState | null = null;

  constructor(private readonly opts: PgBackendOptions) {
    this.s = quoteIdent(opts.schema);
    this.where = describePgTarget(opts.target);
    this.location = `pg://${this.where}/${opts.schema}/${opts.stack}`;
    this.lockKey = advisoryKey(`${opts.schema}\0${opts.stack}`);
    this.clock = opts.clock ?? systemClock;
  }

  private async db(): Promise<Pool> {
    this.pool ??= await createDataPool(this.opts.target);
    const pool = this.pool;
    this.ready ??= this.migrate(pool).catch((err: unknown) => {
      this.ready = null;
      throw err;
    });
    await this.ready;
    return pool;
  }

  private async migrate(pool: Pool): Promise<void> {
    const c = await checkout(pool, this.opts.target);
    try {
      await ensurePgSchema(c, this.opts.schema);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('newer:'))
        throw new LeaseholdError({
          code: 'state/pg-schema-newer',
          summary: 'The pg schema was written by a newer Leasehold',
          detail: `Schema "${this.opts.schema}" in ${this.where} is at version ${err.message.slice(6)}; this Leasehold knows version ${PG_SCHEMA_VERSION}.`,
          hint: 'Upgrade Leasehold.',
        });
      throw pgError(err, this.opts.target, 'creating the schema in');
    } finally {
      c.release();
    }
  }

  /** Runs `fn` on a pooled connection; a connection that failed is dropped, not reused. */
  private async run<T>(doing: string, fn: (q: PgQueryable) => Promise<T>): Promise<T> {
    const c = await checkout(await this.db(), this.opts.target);
    let broken: Error | undefined;
    try {
      return await fn(c);
    } catch (err) {
      if (!(err instanceof LeaseholdError)) broken = err as Error;
      throw pgError(err, this.opts.target, doing);
    } finally {
      c.release(broken);
    }
  }

  private decodeRow(row: { body: string; content_hash: string }, where: string): StackState {
    if (contentHash(row.body) !== row.content_hash)
      throw new StateCorruptError({ file: where, jsonPath: '', problem: 'content hash mismatch' });
    return this.opts.codec.decode(row.body, { where, stack: this.opts.stack });
  }

  async read(): Promise<StackState | null> {
    const row = await this.run('reading the state from', async (q) => {
      const res = await q.query(
        `SELECT h.lineage, h.serial, v.body, v.content_hash FROM ${this.s}.heads h
           JOIN ${this.s}.versions v ON v.id = h.version_id WHERE h.stack = $1`,
        [this.opts.stack],
      );
      return res.rows[0] as
        { lineage: string; serial: string; body: string; content_hash: string } | undefined;
    });
    const state = row === undefined ? null : this.decodeRow(row, this.location);
    this.base = row === undefined ? null : { lineage: row.lineage, serial: Number(row.serial) };
    this.lastState = state;
    return state;
  }

  async write(state: StackState): Promise<void> {
    if (state.stack !== this.opts.stack)
      throw new StateWrongStackError({
        file: this.location,
        expected: this.opts.stack,
        found: state.stack,
      });
    this.assertLocksAlive();
    const { text, encrypted } = this.opts.codec.encode(state);
    const expected = this.base;
    const outcome = await this.run('writing the state to', (q) =>
      writeVersion(q, {
        s: this.s,
        stack: this.opts.stack,
        expected,
        state,
        text,
        encrypted,
        hash: contentHash(text),
        summary: summarizeStateChange(this.lastState, state),
        writer: this.opts.writer,
        keep: this.opts.keep,
      }),
    );
    if (outcome.conflict !== undefined)
      throw new StateConflictError({ location: this.location, expected, found: outcome.conflict });
    this.base = { lineage: state.lineage, serial: state.serial };
    this.lastState = state;
  }

  private assertLocksAlive(): void {
    for (const h of this.held.values())
      if (h.lost !== null)
        throw new LeaseholdError({
          code: 'state/lock-lost',
          summary: 'The state lock was lost',
          detail: `The connection holding the lock on ${this.location} died (${h.lost.message}); another process may hold the lock now, so nothing was written.`,
          hint: 'Check that PostgreSQL runs, then run the command again.',
        });
  }

  private holderOf(q: PgQueryable): Promise<LockInfo | null> {
    return currentHolder(q, {
      s: this.s,
      key: this.opts.stack,
      lockKey: this.lockKey,
      path: this.location,
      now: this.clock.now(),
    });
  }

  async acquireLock(info: LockRequest, timeoutMs: number): Promise<LockInfo> {
    await this.db();
    const start = this.clock.now();
    const entry: Held = { client: null, lost: null };
    const client = await connectSession(this.opts.target, (err) => {
      entry.lost = err;
    });
    entry.client = client;
    try {
      for (let attempt = 0; ; attempt++) {
        const got = await tryAdvisoryLock(client, this.lockKey);
        if (got.granted) return await this.onGranted(client, entry, got.pid, info);
        const holder = await this.holderOf(client);
        const waited = this.clock.now() - start;
        if (holder !== null && waited >= timeoutMs)
          throw new StateLockedError({ holder, waitedMs: waited, stale: false });
        if (holder !== null && attempt === 0) this.opts.onLockWait?.(holder, timeoutMs);
        // No holder: it was released between the two statements; try again at once.
        await this.clock.sleep(
          holder === null ? 10 : Math.min(lockBackoffMs(attempt), Math.max(0, timeoutMs - waited)),
        );
      }
    } catch (err) {
      await client.end().catch(() => undefined);
      throw pgError(err, this.opts.target, 'locking the state in');
    }
  }

  private async onGranted(
    client: PgClientLike,
    entry: Held,
    pid: number,
    info: LockRequest,
  ): Promise<LockInfo> {
    const problem = decideSessionPinned(await probeSession(client, this.lockKey, pid));
    if (problem !== null) throw poolerError(this.where, problem);
    const lock: LockInfo = {
      id: randomUUID(),
      ...info,
      created: new Date(this.clock.now()).toISOString(),
      path: this.location,
    };
    await writeLockRow(client, this.s, this.opts.stack, lock);
    this.held.set(lock.id, entry);
    return lock;
  }

  async releaseLock(id: string): Promise<void> {
    const h = this.held.get(id);
    if (h?.client === undefined || h.client === null) return;
    this.held.delete(id);
    try {
      if (h.lost === null) {
        await h.client.query(`DELETE FROM ${this.s}.locks WHERE stack = $1 AND id = $2`, [
          this.opts.stack,
          id,
        ]);
        await h.client.query('SELECT pg_advisory_unlock($1::int4, $2::int4)', [
          LOCK_NAMESPACE,
          this.lockKey,
        ]);
      }
    } catch {
      // The connection is going away anyway: ending it frees the lock.
    } finally {
      await h.client.end().catch(() => undefined);
    }
  }

  readLock(): Promise<LockInfo | null> {
    return this.run('reading the lock from', (q) => this.holderOf(q));
  }

  async forceUnlock(id: string): Promise<void> {
    await this.run('unlocking the state in', async (q) => {
      const row = await readLockRow(q, this.s, this.opts.stack, this.location);
      const pid = await advisoryHolderPid(q, this.lockKey);
      if (row === null || row.id !== id || pid === null)
        throw new StateLockMismatchError({
          path: this.location,
          given: id,
          current: pid === null ? null : row,
        });
      // The lock lives in the holder's session: ending that session is the only way to free it.
      await q.query('SELECT pg_terminate_backend($1)', [pid]);
      await q.query(`DELETE FROM ${this.s}.locks WHERE stack = $1 AND id = $2`, [
        this.opts.stack,
        id,
      ]);
    });
  }

  history(limit: number): Promise<readonly StateVersion[]> {
    return this.run('reading the history from', async (q) => {
      const res = await q.query(
        `SELECT serial, lineage, writer, written_at, content_hash, encrypted, summary FROM ${this.s}.versions
           WHERE stack = $1 ORDER BY id DESC LIMIT $2`,
        [this.opts.stack, limit],
      );
      type Row = {
        serial: string;
        lineage: string;
        writer: string;
        written_at: Date;
        content_hash: string;
        encrypted: boolean;
        summary: string;
      };
      return (res.rows as Row[]).map((r) => ({
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

  async readVersion(serial: number): Promise<StackState | null> {
    const row = await this.run('reading a version from', async (q) => {
      const res = await q.query(
        `SELECT body, content_hash FROM ${this.s}.versions WHERE stack = $1 AND serial = $2 ORDER BY id DESC LIMIT 1`,
        [this.opts.stack, serial],
      );
      return res.rows[0] as { body: string; content_hash: string } | undefined;
    });
    return row === undefined ? null : this.decodeRow(row, `${this.location}@${serial}`);
  }

  async appendActivity(entry: ActivityEntry): Promise<void> {
    await this.run('logging activity to', (q) =>
      q.query(`INSERT INTO ${this.s}.activity (stack, at, entry) VALUES ($1, $2, $3)`, [
        this.opts.stack,
        entry.at,
        JSON.stringify(entry),
      ]),
    );
  }

  readActivity(filter: ActivityFilter): Promise<readonly ActivityEntry[]> {
    return this.run('reading activity from', async (q) => {
      const res = await q.query(
        `SELECT entry FROM ${this.s}.activity WHERE stack = $1 AND at >= $2 ORDER BY at, id`,
        [this.opts.stack, filter.since ?? '1970-01-01T00:00:00Z'],
      );
      return (res.rows as { entry: ActivityEntry }[]).map((r) => r.entry);
    });
  }

  async tryLeader(info: LockRequest): Promise<LeaderAttempt> {
    await this.db();
    const { tryPgLeader } = await import('./pg-leader.js');
    const { target, schema, stack } = this.opts;
    return tryPgLeader({ target, schema, stack, location: this.location, info, clock: this.clock });
  }

  async close(): Promise<void> {
    for (const id of [...this.held.keys()]) await this.releaseLock(id);
    const pool = this.pool;
    this.pool = null;
    this.ready = null;
    await pool?.end().catch(() => undefined);
  }
}

/** `sha256:<hex>` of a stored text: checked on every read, so a damaged row is never used. */
function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
