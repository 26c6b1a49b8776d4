import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { sampleState } from '../unit/cli/state/state-fixtures.js';

// `leasehold state list|show|rm|unlock` through the built CLI, on hand-written state files.
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'bin/run.js');
const env = { NO_COLOR: '1', CI: 'true' };
const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

let dir: string;
let statePath: string;
const cli = (args: string[]) => execa('node', [bin, ...args], { cwd: dir, env, reject: false });

beforeEach(async () => {
  // A directory named after the stack, so `init` writes `stack: shop` like sampleState's.
  dir = join(await mkdtemp(join(tmpdir(), 'lh-state-e2e-')), 'shop');
  await mkdir(join(dir, '.leasehold'), { recursive: true });
  expect((await execa('node', [bin, 'init'], { cwd: dir, env, reject: false })).exitCode).toBe(0);
  statePath = join(dir, '.leasehold', 'shop.state.json');
  await writeFile(statePath, JSON.stringify(sampleState(), null, 2));
});

describe('leasehold state', () => {
  it('GIVEN a state WHEN listed THEN each slot with its lease id and the health check by address', async () => {
    const r = await cli(['state', 'list']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'health_check.web',
      'instance.web[0]   lease 7',
      'instance.web[1]   lease 8',
    ]);
    const json = JSON.parse((await cli(['state', 'list', '--json'])).stdout) as {
      serial: number;
      resources: { address: string; leaseId: string | null }[];
    };
    expect(json.serial).toBe(3);
    expect(json.resources.map((e) => e.address)).toEqual([
      'health_check.web',
      'instance.web[0]',
      'instance.web[1]',
    ]);
  });

  it('GIVEN a slot address WHEN shown THEN its one lease and the resource attributes, secrets as references', async () => {
    const r = await cli(['state', 'show', 'instance.web[1]']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^# instance\.web\[1\]:/);
    expect(r.stdout).toContain('"fromEnv": "API_KEY"');
    const json = JSON.parse((await cli(['state', 'show', 'instance.web[1]', '--json'])).stdout) as {
      leases: { leaseId: string }[];
    };
    expect(json.leases.map((l) => l.leaseId)).toEqual(['8']);
    const missing = await cli(['state', 'show', 'instance.web[9]']);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('[state/address-not-found]');
    expect(missing.stderr).toContain('instance.web[0], instance.web[1]');
  });

  it('GIVEN a slot WHEN removed THEN the state loses it, the serial grows, the backup holds the old state and the chain is said untouched', async () => {
    const r = await cli(['state', 'rm', 'instance.web[0]']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Removed instance.web[0]');
    expect(r.stdout).toContain('Nothing was changed on chain');
    const after = JSON.parse(await readFile(statePath, 'utf8')) as ReturnType<typeof sampleState>;
    expect(after.serial).toBe(4);
    expect(after.resources[1]?.leases.map((l) => l.key)).toEqual(['1']);
    expect(JSON.parse(await readFile(`${statePath}.backup`, 'utf8'))).toEqual(sampleState());
    expect(await readdir(join(dir, '.leasehold'))).not.toContain('shop.lock.json');
  });

  it('GIVEN only --state PATH WHEN listed and removed by --lock=false THEN no spec is needed', async () => {
    const elsewhere = join(dir, '..', 'copy.state.json');
    await writeFile(elsewhere, JSON.stringify(sampleState()));
    const rm = await cli([
      'state',
      'rm',
      'health_check.web',
      '--state',
      elsewhere,
      '--lock=false',
      '--json',
    ]);
    expect(rm.exitCode).toBe(0);
    expect((JSON.parse(rm.stdout) as { removed: string[] }).removed).toEqual(['health_check.web']);
    const list = await cli(['state', 'list', '--state', elsewhere]);
    expect(list.stdout).not.toContain('health_check.web');
  });

  it('GIVEN a malformed state file WHEN listed or removed THEN exit 1 state/corrupt naming the path, and nothing is written', async () => {
    const bad = JSON.stringify({ ...sampleState(), serial: 'three' });
    await writeFile(statePath, bad);
    for (const args of [
      ['state', 'list'],
      ['state', 'rm', 'instance.web[0]'],
    ]) {
      const r = await cli(args);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('[state/corrupt]');
      expect(r.stderr).toContain('/serial');
      expect(r.stderr).not.toMatch(STACK_TRACE);
    }
    const json = await cli(['state', 'list', '--json']);
    expect((JSON.parse(json.stdout) as { error: { code: string }[] }).error[0]?.code).toBe(
      'state/corrupt',
    );
    expect(await readFile(statePath, 'utf8')).toBe(bad);
    expect((await readdir(join(dir, '.leasehold'))).sort()).toEqual(['shop.state.json']);
  });

  it('GIVEN -f of stack shop and --state of stack blog WHEN listed THEN exit 1 state/wrong-stack', async () => {
    const other = join(dir, 'blog.state.json');
    await writeFile(other, JSON.stringify(sampleState({ stack: 'blog' })));
    const r = await cli(['state', 'list', '-f', 'leasehold.yaml', '--state', other]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[state/wrong-stack]');
  });

  it('GIVEN a held lock WHEN rm runs THEN exit 1 naming the holder; unlock with a wrong id fails, with the right id frees it', async () => {
    const lock = {
      id: '0b6f0b64-59a4-4cd1-9d3c-6b4f0f5f8c2e',
      operation: 'apply',
      who: 'ci@runner-7 (pid 4242)',
      version: '0.1.0',
      created: '2026-01-02T03:04:05.000Z',
      path: statePath,
    };
    await writeFile(join(dir, '.leasehold', 'shop.lock.json'), JSON.stringify(lock));
    const r = await cli(['state', 'rm', 'instance.web[0]']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[state/locked]');
    for (const part of [
      lock.id,
      lock.who,
      '"apply"',
      lock.created,
      `leasehold state unlock ${lock.id}`,
    ])
      expect(r.stderr).toContain(part);
    expect(JSON.parse(await readFile(statePath, 'utf8'))).toEqual(sampleState());

    const wrong = await cli(['state', 'unlock', 'not-the-id']);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stderr).toContain('[state/lock-id-mismatch]');
    const right = await cli(['state', 'unlock', lock.id, '--json']);
    expect(right.exitCode).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({ id: lock.id, unlocked: true });
    expect((await cli(['state', 'rm', 'instance.web[0]'])).exitCode).toBe(0);
  });
});
