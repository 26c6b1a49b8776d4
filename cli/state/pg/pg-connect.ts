import type { Pool, PoolClient } from 'pg';
import type * as PgModule from 'pg';
import { pgConnectError } from './pg-errors.js';
import type { PgTarget } from './pg-target.js';
import type { PgClientLike } from './pg-types.js';

// node-postgres is loaded on first use only, so commands on the local backend never pay for it.
async function pgModule(): Promise<typeof PgModule> {
  return import('pg');
}

/**
 * A dedicated session (for a lock): its own connection, never pooled, so the session-level
 * advisory lock lives exactly as long as it. `onLost` is told once when the connection dies.
 */
export async function connectSession(
  target: PgTarget,
  onLost: (err: Error) => void,
): Promise<PgClientLike> {
  const pg = await pgModule();
  const client = new pg.Client({ ...target.config });
  let lost = false;
  const lose = (err: Error): void => {
    if (lost) return;
    lost = true;
    onLost(err);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('Connection terminated')));
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw pgConnectError(err, target);
  }
  return client;
}

/** The pool for state reads and writes: a few connections, none of which keeps the process alive. */
export async function createDataPool(target: PgTarget): Promise<Pool> {
  const pg = await pgModule();
  const pool = new pg.Pool({
    ...target.config,
    max: 3,
    allowExitOnIdle: true,
    idleTimeoutMillis: 5000,
  });
  // An idle connection that dies (server restart) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  return pool;
}

/** A pooled connection, with connect failures normalized (host and database named). */
export async function checkout(pool: Pool, target: PgTarget): Promise<PoolClient> {
  try {
    const c = await pool.connect();
    return c;
  } catch (err) {
    throw pgConnectError(err, target);
  }
}
