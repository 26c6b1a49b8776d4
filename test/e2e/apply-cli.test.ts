import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import type { StackState } from '../../cli/state/state-types.js';
import { cliSchema } from '../support/cli-schemas.js';
import { waitFor } from '../support/wait-for.js';
import { holdProviderApis } from './support/e2e-devnet.js';

// The built CLI (`npm run build` first) against one devnet shared by the file: approval rule,
// apply from nothing (endpoints answer, plan is empty after), an update in place over --json
// (schema'd JSON lines), a saved plan refused as stale then applied, two applies at once, destroy,
// and the library example program. A secret value never reaches any output or the state.
jest.setTimeout(240_000);

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-apply-'));
const SECRET = 's3cr3t-apply-e2e-4b1d';
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1', CI: 'true', LH_APPLY_SECRET: SECRET };

const cli = (args: string[], cwd: string) =>
  execa('node', [join(root, 'bin/run.js'), ...args], { cwd, env, reject: false });

function spec(dir: string, stack: string, o: { count?: number; level?: string } = {}): void {
  writeFileSync(
    join(dir, 'leasehold.yaml'),
    [
      `stack: ${stack}`,
      'budget:',
      '  maxPerHour: "10"',
      '  token: USDT',
      '  escrow: { topUp: "50", maxDeposit: "400" }',
      'instances:',
      '  web:',
      '    image: nginxinc/nginx-unprivileged:1.27',
      `    env: { LOG_LEVEL: ${o.level ?? 'info'} }`,
      '    ports: [{ port: 8080, as: 80 }]',
      '    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }',
      `    count: ${o.count ?? 2}`,
      '    duration: 1h',
      '    pricing: { maxPerHour: "1", token: USDT }',
      '    secrets:',
      '      API_KEY: { fromEnv: LH_APPLY_SECRET }',
      'outputs:',
      '  url: { value: "${instance.web.endpoints[0]}" }',
    ].join('\n'),
  );
}

const stackDir = (stack: string, o: { count?: number; level?: string } = {}) => {
  const dir = mkdtempSync(join(tmpdir(), `lh-e2e-apply-${stack}-`));
  spec(dir, stack, o);
  return dir;
};
const readState = (dir: string, stack: string): StackState =>
  JSON.parse(readFileSync(join(dir, '.leasehold', `${stack}.state.json`), 'utf8')) as StackState;
// Without `spread`, an instance is one lease running `count` replicas (slot "0").
const replicas = (s: StackState) =>
  s.resources.flatMap((r) => r.leases).reduce((n, l) => n + l.replicas, 0);
const leaseIds = (s: StackState) =>
  s.resources.flatMap((r) => r.leases.map((l) => `${l.key}:${l.leaseId ?? '-'}:${l.status}`));

describe('leasehold apply without approval (offline)', () => {
  it('GIVEN no terminal and no --auto-approve WHEN apply runs THEN apply/approval-required, exit 1, nothing written', async () => {
    const dir = stackDir('e2e-approval');
    const r = await cli(['apply'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[apply/approval-required]');
    expect(existsSync(join(dir, '.leasehold'))).toBe(false);
  });
});

describe('leasehold apply (built CLI on the devnet)', () => {
  beforeAll(async () => {
    const up = await execa(
      'node',
      [join(root, 'bin/run.js'), 'devnet', 'up', '--block-time', '0.25', '--port', '0'],
      { cwd: root, env, reject: false },
    );
    expect(up.exitCode).toBe(0);
  });
  afterAll(async () => {
    await execa('node', [join(root, 'bin/run.js'), 'devnet', 'down'], {
      cwd: root,
      env,
      reject: false,
    });
  });

  const dir = stackDir('e2e-apply');

  it('GIVEN nothing WHEN apply --auto-approve THEN every slot is ready, every endpoint answers 200, and plan is empty after', async () => {
    const r = await cli(['apply', '--auto-approve'], dir);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Apply complete! Resources: 1 added, 0 changed, 0 destroyed.');
    expect(r.stdout).toMatch(/instance\.web\[0\]: order \d+ created \(tx 0x/);
    const state = readState(dir, 'e2e-apply');
    const endpoints = state.resources.flatMap((x) => x.leases.flatMap((l) => l.endpoints));
    expect(endpoints).toHaveLength(2);
    for (const url of endpoints) expect((await fetch(url)).status).toBe(200);
    expect(state.outputs['url']?.value).toBe(endpoints[0]);
    expect(state.journal).toEqual([]);
    const plan = await cli(['plan', '--detailed-exitcode'], dir);
    expect(plan.exitCode).toBe(0);
    expect(r.stdout + r.stderr + JSON.stringify(state)).not.toContain(SECRET);
  });

  it('GIVEN an env change WHEN apply --json THEN schema-valid JSON lines, a summary last, and the lease ids kept', async () => {
    const before = leaseIds(readState(dir, 'e2e-apply')).map((l) => l.split(':')[1]);
    spec(dir, 'e2e-apply', { level: 'debug' });
    const r = await cli(['apply', '--auto-approve', '--json'], dir);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    const validate = cliSchema('apply-event');
    for (const line of lines) expect(validate(line) ? null : [line, validate.errors]).toBeNull();
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      status: 'applied',
      counts: { changed: 1 },
    });
    const after = leaseIds(readState(dir, 'e2e-apply')).map((l) => l.split(':')[1]);
    expect(after).toEqual(before);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('GIVEN a saved plan WHEN another apply ran first THEN it is refused as stale; a fresh saved plan applies', async () => {
    spec(dir, 'e2e-apply', { level: 'debug', count: 3 });
    expect((await cli(['plan', '--out', 'p1.json'], dir)).exitCode).toBe(0);
    spec(dir, 'e2e-apply', { level: 'warn', count: 2 });
    expect((await cli(['apply', '--auto-approve'], dir)).exitCode).toBe(0);
    const ids = leaseIds(readState(dir, 'e2e-apply'));
    spec(dir, 'e2e-apply', { level: 'debug', count: 3 });
    const stale = await cli(['apply', 'p1.json'], dir);
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain('Saved plan is stale');
    expect(stale.stderr).toContain('[apply/stale-plan]');
    expect(leaseIds(readState(dir, 'e2e-apply'))).toEqual(ids);
    expect((await cli(['plan', '--out', 'p2.json'], dir)).exitCode).toBe(0);
    const fresh = await cli(['apply', 'p2.json'], dir);
    expect(fresh.exitCode).toBe(0);
    expect(replicas(readState(dir, 'e2e-apply'))).toBe(3);
  });

  it('GIVEN an apply in progress WHEN a second starts THEN it fails fast naming the lock holder and the first converges', async () => {
    spec(dir, 'e2e-apply', { level: 'debug', count: 4 });
    // The first apply cannot finish while the providers' APIs are down (its manifest is retried),
    // however slow the machine is to start the second.
    const release = await holdProviderApis(home);
    const first = execa('node', [join(root, 'bin/run.js'), 'apply', '--auto-approve'], {
      cwd: dir,
      env: { ...env, LEASEHOLD_APPLY_MANIFEST_TIMEOUT: '10m' },
      reject: false,
    });
    const lock = join(dir, '.leasehold', 'e2e-apply.lock.json');
    try {
      await waitFor('the first apply to take the state lock', () => existsSync(lock));
      const second = await cli(['apply', '--auto-approve'], dir);
      expect(second.exitCode).toBe(1);
      expect(second.stderr).toContain('[state/locked]');
      expect(second.stderr).toMatch(/for "apply"/);
    } finally {
      await release();
    }
    expect((await first).exitCode).toBe(0);
    expect(replicas(readState(dir, 'e2e-apply'))).toBe(4);
  });

  it('GIVEN the stack WHEN destroy --auto-approve THEN every lease is closed and status shows none', async () => {
    const r = await cli(['destroy', '--auto-approve'], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Destroy complete! Resources: 0 added, 0 changed, 1 destroyed.');
    const status = await cli(['status', '--json'], dir);
    expect(status.exitCode).toBe(0);
    const view = JSON.parse(status.stdout) as { leases: unknown[] };
    expect(cliSchema('status')(view)).toBe(true);
    expect(view.leases).toEqual([]);
  });

  it('GIVEN the library example WHEN run with --destroy THEN it deploys, prints a url, and destroys', async () => {
    const lib = mkdtempSync(join(tmpdir(), 'lh-e2e-lib-'));
    const text = readFileSync(join(root, 'examples/hello.yaml'), 'utf8');
    writeFileSync(join(lib, 'hello.yaml'), text.replace(/^stack: hello$/m, 'stack: e2e-library'));
    const r = await execa('node', [join(root, 'examples/library/deploy.mjs'), '--destroy'], {
      cwd: root,
      env: { ...env, LEASEHOLD_EXAMPLE_SPEC: join(lib, 'hello.yaml') },
      reject: false,
    });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('plan: create instance.hello[0]');
    expect(r.stdout).toMatch(/url: http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toContain('destroy: applied');
  });
});
