import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../common/index.js';
import type { LeaderAttempt, LockInfo } from '../state-types.js';
import {
  advisoryKey,
  decideSessionPinned,
  poolerError,
  probeSession,
  tryAdvisoryLock,
} from './pg-advisory-lock.js';
import { connectSession } from './pg-connect.js';
import { pgError } from './pg-errors.js';
import { LOCK_NAMESPACE, quoteIdent } from './pg-schema.js';
import { describePgTarget } from './pg-target.js';
import type { PgTarget } from './pg-target.js';

/** What a leader bid needs. */
export interface TryPgLeaderOptions {
  readonly target: PgTarget;
  readonly schema: string;
  readonly stack: string;
  readonly location: string;
  readonly info: Omit<LockInfo, 'id' | 'created' | 'path'>;
  readonly clock: Clock;
}

/**
 * One bid for the controllers' leader lock: a session advisory lock (its own key, apart from the
 * state lock) on a dedicated connection, and a row in `locks` (`<stack>#leader`) naming the
 * leader. PostgreSQL frees it when the leader's connection dies — kill -9 closes the socket at
 * once; a network cut is noticed through the TCP keepalives set on the session — so a waiting
 * controller's next bid wins, and `alive()` tells the old leader it must stop.
 */
export async function tryPgLeader(opts: TryPgLeaderOptions): Promise<LeaderAttempt> {
  const s = quoteIdent(opts.schema);
  const key = advisoryKey(`${opts.schema}\0${opts.stack}\0leader`);
  const rowKey = `${opts.stack}#leader`;
  let lost = false;
  const client = await connectSession(opts.target, () => {
    lost = true;
  });
  try {
    const got = await tryAdvisoryLock(client, key);
    if (!got.granted) {
      const res = await client.query(
        `SELECT id, operation, who, version, created FROM ${s}.locks WHERE stack = $1`,
        [rowKey],
      );
      const r = res.rows[0] as
        { id: string; operation: string; who: string; version: string; created: Date } | undefined;
      await client.end().catch(() => undefined);
      const holder: LockInfo =
        r === undefined
          ? {
              id: 'unknown',
              operation: 'autoscale',
              who: 'another controller',
              version: 'unknown',
              created: new Date(opts.clock.now()).toISOString(),
              path: opts.location,
            }
          : {
              id: r.id,
              operation: r.operation,
              who: r.who,
              version: r.version,
              created: r.created.toISOString(),
              path: opts.location,
            };
      return { acquired: false, holder };
    }
    const problem = decideSessionPinned(await probeSession(client, key, got.pid));
    if (problem !== null) throw poolerError(describePgTarget(opts.target), problem);
    // A leader cut off without a FIN is noticed by the server within ~10 s of silence.
    await client.query(
      'SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3',
    );
    const lock: LockInfo = {
      id: randomUUID(),
      ...opts.info,
      created: new Date(opts.clock.now()).toISOString(),
      path: opts.location,
    };
    await client.query(
      `INSERT INTO ${s}.locks (stack, id, operation, who, version, created, backend_pid) VALUES ($1, $2, $3, $4, $5, $6, pg_backend_pid())
         ON CONFLICT (stack) DO UPDATE SET id = $2, operation = $3, who = $4, version = $5, created = $6, backend_pid = pg_backend_pid()`,
      [rowKey, lock.id, lock.operation, lock.who, lock.version, lock.created],
    );
    return {
      acquired: true,
      lock,
      async alive() {
        if (lost) return false;
        try {
          const res = await client.query(
            `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
               AND classid = ($1::int8 & 4294967295)::text::oid AND objid = ($2::int8 & 4294967295)::text::oid AND objsubid = 2) AS held`,
            [LOCK_NAMESPACE, key],
          );
          return (res.rows[0] as { held: boolean }).held;
        } catch {
          return false;
        }
      },
      async release() {
        try {
          if (!lost)
            await client.query(`DELETE FROM ${s}.locks WHERE stack = $1 AND id = $2`, [
              rowKey,
              lock.id,
            ]);
        } catch {
          // Ending the connection frees the lock anyway.
        }
        await client.end().catch(() => undefined);
      },
    };
  } catch (err) {
    await client.end().catch(() => undefined);
    throw pgError(err, opts.target, 'electing a leader in');
  }
}
