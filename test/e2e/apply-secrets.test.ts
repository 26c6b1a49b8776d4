import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { CliRun, E2eDevnet } from './support/e2e-devnet.js';
import { readTree, startE2eDevnet } from './support/e2e-devnet.js';
import { copyExample, stateLeases } from './support/stack-dir.js';
import type { StackDir } from './support/stack-dir.js';

// examples/web.yaml reads `secrets: {API_KEY: {fromEnv: WEB_API_KEY}}`. With a unique value in
// WEB_API_KEY, every command of a stack's life runs and the value is looked for everywhere it could
// leak: stdout and stderr, every file beside the spec (state, backup, lock), saved plans (all three formats), and
// every file the devnet wrote (chain dump, logs). The workload must still receive the key.
jest.setTimeout(300_000);

const SECRET = 'e2e-s3cret-value-5b7f0c2a';
let devnet: E2eDevnet;
let web: StackDir;
const runs: CliRun[] = [];
const cli = async (...args: string[]) => {
  const r = await devnet.cli(args, web.dir, { WEB_API_KEY: SECRET });
  runs.push(r);
  return r;
};

beforeAll(async () => {
  devnet = await startE2eDevnet();
  web = copyExample('web.yaml', 'e2e-secret');
});
afterAll(async () => {
  await devnet?.down();
});

describe('a secret value never leaves the workload (built CLI on the devnet)', () => {
  it('GIVEN WEB_API_KEY WHEN the stack is planned, applied, inspected and destroyed THEN the value appears in no output, state, plan or devnet file, and the workload gets the key', async () => {
    expect((await cli('plan', '--out', 'p.json')).exitCode).toBe(0);
    expect((await cli('plan', '--json')).exitCode).toBe(0);
    expect((await cli('plan', '--format', 'markdown')).exitCode).toBe(0);
    expect((await cli('show', 'p.json')).exitCode).toBe(0);
    expect((await cli('apply', '--auto-approve', '--json')).exitCode).toBe(0);
    for (const args of [
      ['status'],
      ['status', '--json'],
      ['show'],
      ['show', '--json'],
      ['output'],
      ['output', '--json'],
      ['output', 'url'],
      ['state', 'list'],
    ])
      expect((await cli(...args)).exitCode).toBe(0);
    const logs = await cli('logs', 'instance.web', '--tail', '50');
    expect(logs.exitCode).toBe(0);

    const [lease] = stateLeases(web.state());
    for (const url of lease?.endpoints ?? []) {
      const body = (await (await fetch(url)).json()) as { env: string[] };
      expect(body.env).toContain('API_KEY');
    }
    const planFile = readFileSync(join(web.dir, 'p.json'), 'utf8');
    expect(planFile.length).toBeGreaterThan(100);
    expect(web.stateText()).toContain('"manifestHash"');

    expect((await cli('destroy', '--auto-approve')).exitCode).toBe(0);
    const everything = [
      ...runs.flatMap((r) => [r.stdout, r.stderr]),
      planFile,
      readTree(web.dir),
      devnet.readAllFiles(),
    ].join('\n');
    expect(everything).toContain('API_KEY');
    expect(everything).not.toContain(SECRET);
  });
});

// A rotated secret is a change: the state keeps a salted HMAC of each value sent (never the value),
// plan compares it with the environment and shows `secrets.API_KEY (value changed)`, and apply
// sends the new manifest, which the replicas then run (their env fingerprints show it).
const ROTATED = 'e2e-r0tated-value-93d1e4b7';
const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');

describe('a rotated secret value (built CLI on the devnet)', () => {
  it('GIVEN a stack applied with WEB_API_KEY=a WHEN the value becomes b THEN plan shows secrets.API_KEY changed (exit 2), apply sends it, the replicas run it, and neither value is written anywhere', async () => {
    const dir = copyExample('web.yaml', 'e2e-rotate');
    const seen: CliRun[] = [];
    const run = async (value: string | undefined, ...args: string[]) => {
      const r = await devnet.cli(args, dir.dir, value === undefined ? {} : { WEB_API_KEY: value });
      seen.push(r);
      return r;
    };
    const applied = await run(SECRET, 'apply', '--auto-approve', '--json');
    expect(applied.exitCode).toBe(0);
    const before = dir.state();
    expect(before.secretSalt).toMatch(/^[0-9a-f]{64}$/);
    const firstHmacs = stateLeases(before).map((l) => l.secretHmacs?.['WEB_API_KEY']);
    expect(firstHmacs.length).toBeGreaterThan(0);
    for (const h of firstHmacs) expect(h).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);

    expect((await run(SECRET, 'plan', '--detailed-exitcode')).exitCode).toBe(0);
    // A variable that is not set at plan time plans nothing (apply would refuse it).
    expect((await run(undefined, 'plan', '--detailed-exitcode')).exitCode).toBe(0);

    const plan = await run(ROTATED, 'plan', '--detailed-exitcode', '--out', 'rotate.json');
    expect(plan.exitCode).toBe(2);
    expect(plan.stdout).toContain('will be updated in-place');
    expect(plan.stdout).toMatch(/~ secrets\.API_KEY\s+= \(value changed\)/);
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to destroy.');
    const json = await run(ROTATED, 'plan', '--json');
    const changes = (JSON.parse(json.stdout) as { plan: { resource_changes: unknown[] } }).plan
      .resource_changes as { address: string; secrets_changed?: string[] }[];
    expect(changes.filter((c) => c.secrets_changed !== undefined)).toEqual([
      expect.objectContaining({ address: 'instance.web[0]', secrets_changed: ['secrets.API_KEY'] }),
    ]);
    const saved = readFileSync(join(dir.dir, 'rotate.json'), 'utf8');
    expect(saved).toContain('"secretsChanged"');

    expect((await run(ROTATED, 'apply', 'rotate.json', '--json')).exitCode).toBe(0);
    const after = dir.state();
    const [lease] = stateLeases(after);
    expect(lease?.leaseId).toBe(stateLeases(before)[0]?.leaseId);
    expect(lease?.secretHmacs?.['WEB_API_KEY']).not.toBe(firstHmacs[0]);
    for (const url of lease?.endpoints ?? []) {
      const body = (await (await fetch(url)).json()) as { envSha256: Record<string, string> };
      expect(body.envSha256['API_KEY']).toBe(sha256(ROTATED));
    }
    expect((await run(ROTATED, 'plan', '--detailed-exitcode')).exitCode).toBe(0);
    expect((await run(ROTATED, 'show', '--json')).exitCode).toBe(0);
    expect((await run(ROTATED, 'state', 'show', 'instance.web', '--json')).exitCode).toBe(0);

    const stateText = dir.stateText();
    const hmacs = [...firstHmacs, lease?.secretHmacs?.['WEB_API_KEY'] ?? 'none'].map((h) =>
      String(h).replace('hmac-sha256:', ''),
    );
    const printed = seen.flatMap((r) => [r.stdout, r.stderr]).join('\n');
    for (const h of hmacs) {
      expect(printed).not.toContain(h);
      expect(saved).not.toContain(h);
    }
    expect(printed).not.toContain(after.secretSalt ?? 'no salt');
    expect((await run(ROTATED, 'destroy', '--auto-approve')).exitCode).toBe(0);
    const everything = [printed, saved, stateText, readTree(dir.dir), devnet.readAllFiles()].join(
      '\n',
    );
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(ROTATED);
  });
});
