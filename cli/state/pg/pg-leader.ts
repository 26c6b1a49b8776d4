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
import { readLockRow, writeLockRow } from './pg-lock-row.js';
import { LOCK_NAMESPACE, quoteIdent } from './pg-schema.js';
import { describePgTarget } from './pg-target.js';
import type { PgTarget } from './pg-target.js';
import type { PgClientLike } from './pg-types.js';

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
  const state = { lost: false };
  const client = await connectSession(opts.target, () => {
    state.lost = true;
  });
  try {
    const got = await tryAdvisoryLock(client, key);
    if (!got.granted) {
      const row = await readLockRow(client, s, rowKey, opts.location);
      await client.end().catch(() => undefined);
      const at = new Date(opts.clock.now()).toISOString();
      const unknown = {
        id: 'unknown',
        operation: 'autoscale',
        who: 'another controller',
        version: 'unknown',
      };
      return { acquired: false, holder: row ?? { ...unknown, created: at, path: opts.location } };
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
    await writeLockRow(client, s, rowKey, lock);
    return held({ client, state, s, rowKey, key, lock });
  } catch (err) {
    await client.end().catch(() => undefined);
    throw pgError(err, opts.target, 'electing a leader in');
  }
}

function held(h: {
  client: PgClientLike;
  state: { lost: boolean };
  s: string;
  rowKey: string;
  key: number;
  lock: LockInfo;
}): LeaderAttempt {
  return {
    acquired: true,
    lock: h.lock,
    async alive() {
      if (h.state.lost) return false;
      try {
        const res = await h.client.query(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()
             AND classid = ($1::int8 & 4294967295)::text::oid AND objid = ($2::int8 & 4294967295)::text::oid AND objsubid = 2) AS held`,
          [LOCK_NAMESPACE, h.key],
        );
        return (res.rows[0] as { held: boolean }).held;
      } catch {
        return false;
      }
    },
    async release() {
      try {
        if (!h.state.lost)
          await h.client.query(`DELETE FROM ${h.s}.locks WHERE stack = $1 AND id = $2`, [
            h.rowKey,
            h.lock.id,
          ]);
      } catch {
        // Ending the connection frees the lock anyway.
      }
      await h.client.end().catch(() => undefined);
    },
  };
}
