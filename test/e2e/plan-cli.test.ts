import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import Ajv2020 from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { encodePlan } from '../../cli/plan/plan-file.js';
import { PLAN, SECRET as FIXTURE_SECRET } from '../unit/cli/render/plan-fixture.js';

// The built CLI (`npm run build` first): `show` of saved plans offline, then `plan` against one
// devnet shared by the file — exit codes, --out then show, --json against the published schema,
// errors that write nothing, and a secret value that never reaches any output or file.
jest.setTimeout(180_000);

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-plan-'));
const SECRET = 's3cr3t-e2e-value-7f3a9c';
const env = { LEASEHOLD_HOME: home, NO_COLOR: '1', CI: 'true', LH_E2E_SECRET: SECRET };
const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

const cli = (args: string[], cwd: string) =>
  execa('node', [join(root, 'bin/run.js'), ...args], { cwd, env, reject: false });

const ajv = new Ajv2020.default({ allErrors: true, strict: false });
for (const f of [
  'plan',
  'state',
  'cli/diagnostic',
  'cli/plan',
  'cli/show',
  'cli/refresh',
  'cli/import',
])
  ajv.addSchema(
    JSON.parse(readFileSync(join(root, 'schemas', `${f}.schema.json`), 'utf8')) as object,
  );
const schema = (name: string) =>
  ajv.getSchema(`https://leasehold.dev/schemas/${name}.schema.json`)!;

function spec(stack: string, extra = '', count = 1): string {
  const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-plan-stack-'));
  writeFileSync(
    join(dir, 'leasehold.yaml'),
    [
      `stack: ${stack}`,
      'instances:',
      '  web:',
      '    image: nginxinc/nginx-unprivileged:1.27',
      '    ports: [{ port: 8080, as: 80 }]',
      '    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }',
      `    count: ${count}`,
      '    duration: 1h',
      '    pricing: { maxPerHour: "1", token: USDT }',
      '    secrets:',
      '      API_KEY: { fromEnv: LH_E2E_SECRET }',
      extra,
    ].join('\n'),
  );
  return dir;
}

describe('leasehold show (saved plans, offline)', () => {
  const dir = spec('shop-other');
  const file = join(dir, 'saved.json');
  writeFileSync(file, JSON.stringify(encodePlan(PLAN)));

  it('GIVEN a saved plan WHEN shown THEN the human plan, masked, exit 0', async () => {
    const r = await cli(['show', 'saved.json'], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Plan: 4 to add, 1 to change, 3 to destroy.');
    expect(r.stdout).not.toContain(FIXTURE_SECRET);
  });

  it('GIVEN a saved plan WHEN shown with --json THEN it matches schemas/cli/show.schema.json', async () => {
    const r = await cli(['show', 'saved.json', '--json'], dir);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as unknown;
    expect(schema('cli/show')(out)).toBe(true);
    expect(r.stdout).not.toContain(FIXTURE_SECRET);
  });

  it('GIVEN a plan of another stack WHEN shown with -f THEN plan/wrong-stack, exit 1, no stack trace', async () => {
    const r = await cli(['show', 'saved.json', '-f', 'leasehold.yaml'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[plan/wrong-stack]');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['a malformed file', 'plan/invalid-file', '{"kind":"leasehold-plan","formatVersion":1}'],
    ['a future version', 'plan/unsupported-version', '{"kind":"leasehold-plan","formatVersion":9}'],
  ])('GIVEN %s WHEN shown THEN %s as JSON, exit 1', async (_k, code, text) => {
    writeFileSync(join(dir, 'bad.json'), text);
    const r = await cli(['show', 'bad.json', '--json'], dir);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string }[] };
    expect(schema('cli/diagnostic')(out.error[0])).toBe(true);
    expect(out.error[0]?.code).toBe(code);
  });

  it('GIVEN a missing plan file WHEN shown THEN plan/file-not-found', async () => {
    const r = await cli(['show', 'nope.json'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[plan/file-not-found]');
  });

  it('GIVEN no state WHEN show runs without a file THEN it says so, exit 0', async () => {
    const r = await cli(['show'], dir);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('No state at');
  });
});

describe('leasehold plan (built CLI on the devnet)', () => {
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

  it('GIVEN a fresh stack WHEN plan --detailed-exitcode THEN exit 2 with a create and its cost, and no secret anywhere', async () => {
    const dir = spec('e2e-fresh');
    const r = await cli(['plan', '--detailed-exitcode'], dir);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('# instance.web[0] will be created');
    expect(r.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    expect(r.stdout).toContain('Escrow to lock:');
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(existsSync(join(dir, '.leasehold', 'e2e-fresh.state.json'))).toBe(false);
    expect(existsSync(join(dir, '.leasehold', 'e2e-fresh.lock.json'))).toBe(false);
  });

  it('GIVEN --out and --json WHEN planned THEN the result matches the schema, and show FILE renders the same plan', async () => {
    const dir = spec('e2e-saved');
    const r = await cli(['plan', '--out', 'plan.json', '--json', '--detailed-exitcode'], dir);
    expect(r.exitCode).toBe(2);
    const out = JSON.parse(r.stdout) as {
      out: string;
      plan: { resource_changes: { change: { actions: string[] } }[] };
    };
    expect(schema('cli/plan')(out)).toBe(true);
    expect(out.plan.resource_changes.map((c) => c.change.actions)).toEqual([['create']]);
    const saved = readFileSync(join(dir, 'plan.json'), 'utf8');
    expect(out.out).toBe(join(dir, 'plan.json'));
    expect(saved).not.toContain(SECRET);
    expect(saved).toContain('LH_E2E_SECRET');
    const human = await cli(['plan', '--detailed-exitcode'], dir);
    const shown = await cli(['show', 'plan.json', '-f', 'leasehold.yaml'], dir);
    expect(shown.exitCode).toBe(0);
    const body = (s: string) => s.slice(s.indexOf('Leasehold will perform'), s.indexOf('Cost ('));
    expect(body(shown.stdout)).toBe(body(human.stdout));
  });

  it('GIVEN --format markdown WHEN planned THEN a PR comment with a diff block', async () => {
    const r = await cli(['plan', '--format', 'markdown'], spec('e2e-md'));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('### Leasehold plan: `e2e-md` on `local`');
    expect(r.stdout).toContain('```diff');
    expect(r.stdout).not.toContain(SECRET);
  });

  it('GIVEN a budget below the plan cost WHEN planned with --out THEN exit 1 with the budget error and no file', async () => {
    const dir = spec('e2e-budget', 'budget: { maxPerHour: "2", token: USDT }', 3);
    const r = await cli(['plan', '--out', 'plan.json', '--detailed-exitcode'], dir);
    expect(r.exitCode).toBe(1);
    // The loader already refuses replicas whose max price exceeds the budget; either way: exit 1, no file.
    expect(r.stderr).toMatch(/\[(spec|plan)\/budget-[a-z-]+\]/);
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
  });

  it('GIVEN an unknown network WHEN planned THEN exit 1 network/unknown and nothing written', async () => {
    const dir = spec('e2e-net');
    const r = await cli(['plan', '--network', 'atlantis', '--out', 'plan.json', '--json'], dir);
    expect(r.exitCode).toBe(1);
    expect((JSON.parse(r.stdout) as { error: { code: string }[] }).error[0]?.code).toBe(
      'network/unknown',
    );
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
    expect(existsSync(join(dir, '.leasehold'))).toBe(false);
  });

  it('GIVEN a stack with no leases WHEN refresh and import run THEN refresh writes nothing, import writes a fresh state once', async () => {
    const dir = spec('e2e-import');
    const refresh = await cli(['refresh', '--json'], dir);
    expect(refresh.exitCode).toBe(0);
    const refreshed = JSON.parse(refresh.stdout) as { written: boolean };
    expect(schema('cli/refresh')(refreshed)).toBe(true);
    expect(refreshed.written).toBe(false);
    const first = await cli(['import', '--json'], dir);
    expect(first.exitCode).toBe(0);
    const imported = JSON.parse(first.stdout) as { written: boolean; serial: number };
    expect(schema('cli/import')(imported)).toBe(true);
    expect(imported).toMatchObject({ written: true, serial: 1 });
    expect(existsSync(join(dir, '.leasehold', 'e2e-import.state.json'))).toBe(true);
    const again = await cli(['import'], dir);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('[import/state-exists]');
    const shown = await cli(['show', '--json'], dir);
    expect(schema('cli/show')(JSON.parse(shown.stdout))).toBe(true);
  });
});
