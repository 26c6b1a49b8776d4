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

/**
 * A pooled connection, with connect failures normalized (host and database named). The pool
 * listens for errors only on idle connections: a checked-out one whose server goes away between
 * two queries (a restart, pg_terminate_backend) emits 'error' with no listener, which kills the
 * process before the state can be saved to errored.state.json. The listener here keeps the
 * error for the next query, which fails with it, and goes away on release.
 */
export async function checkout(pool: Pool, target: PgTarget): Promise<PoolClient> {
  let c: PoolClient;
  try {
    c = await pool.connect();
  } catch (err) {
    throw pgConnectError(err, target);
  }
  const ignore = (): void => undefined;
  c.on('error', ignore);
  const release = c.release.bind(c);
  c.release = (err?: Error | boolean): void => {
    c.removeListener('error', ignore);
    c.release = release;
    release(err);
  };
  return c;
}
