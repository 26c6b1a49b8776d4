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
jest.setTimeout(180_000);

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
