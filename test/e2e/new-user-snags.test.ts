import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { execa } from 'execa';
import { ROOT } from './support/e2e-devnet.js';

// Snags a new user met on the built CLI, none of which needs a devnet: help as a command, piped
// stdin read as a plan file, a misspelled network reported as four token errors, and logs' -f.
const bin = join(ROOT, 'bin/run.js');
const home = mkdtempSync(join(tmpdir(), 'lh-e2e-snags-home-'));
const env = { NO_COLOR: '1', CI: 'true', LEASEHOLD_HOME: home };
const cli = (args: string[], cwd: string, input?: string) =>
  execa('node', [bin, ...args], {
    cwd,
    env,
    reject: false,
    ...(input === undefined ? {} : { input }),
  });

function project(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-snags-'));
  writeFileSync(join(dir, 'leasehold.yaml'), spec);
  return dir;
}

const TYPO_NETWORK = `stack: typo
network: spheron-testnett
instances:
  a:
    image: nginx:1.27
    pricing: { maxPerHour: "1", token: uSPON }
  b:
    image: nginx:1.27
    pricing: { maxPerHour: "1", token: uSPON }
`;

describe('new-user snags (built CLI, no devnet)', () => {
  it('GIVEN leasehold help and leasehold help plan THEN both print help, exit 0', async () => {
    const all = await cli(['help'], ROOT);
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toContain('COMMANDS');
    const plan = await cli(['help', 'plan'], ROOT);
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toContain('--detailed-exitcode');
  });

  it('GIVEN "yes" piped into apply --auto-approve WHEN there is no plan argument THEN stdin is not read as a plan file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-snags-empty-'));
    const r = await cli(['apply', '--auto-approve'], dir, 'yes\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).not.toContain('plan/file-not-found');
    expect(r.stderr).toContain('[spec/file-not-found]');
  });

  it('GIVEN a misspelled network in the spec WHEN validated THEN one network/unknown error with "did you mean", no token errors', async () => {
    const r = await cli(['validate', '--json'], project(TYPO_NETWORK));
    expect(r.exitCode).toBe(1);
    const errors = (JSON.parse(r.stdout) as { error: { code: string; hint?: string }[] }).error;
    expect(errors.map((e) => e.code)).toEqual(['network/unknown']);
    expect(errors[0]?.hint).toBe('Did you mean "spheron-testnet"?');
  });

  it('GIVEN --network spheron-tesnet WHEN planned THEN network/unknown suggests spheron-testnet', async () => {
    const dir = project(TYPO_NETWORK.replace('network: spheron-testnett\n', ''));
    const r = await cli(['plan', '--network', 'spheron-tesnet'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[network/unknown]');
    expect(r.stderr).toContain('Did you mean "spheron-testnet"?');
  });

  it('GIVEN logs WHEN -F is used for follow THEN it is refused: follow is --follow, -f the spec file', async () => {
    const r = await cli(['logs', 'instance.web', '-F'], ROOT);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[cli/invalid-arguments]');
    expect(r.stderr).toMatch(/Nonexistent flag: -F/);
  });
});
