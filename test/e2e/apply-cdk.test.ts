import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { StackState } from '../../cli/state/state-types.js';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { ROOT, startE2eDevnet } from './support/e2e-devnet.js';
import { copyExample } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// The CDK program of examples/cdk applies to the same result as examples/web.yaml: same resource
// addresses and model hashes, same slots and lease shape (replicas, order spec hash, manifest
// hash). Both are stack `web`, so the YAML stack is destroyed before the CDK one is applied.
jest.setTimeout(600_000);

let devnet: E2eDevnet;
let chain: StackChain;
const secretEnv = { WEB_API_KEY: 'cdk-secret-value-0a4e' };

/** What must match between the two: everything but the lease ids, providers and times. */
function shape(s: StackState) {
  return {
    resources: s.resources.map((r) => ({
      address: r.address,
      modelHash: r.modelHash,
      leases: r.leases.map((l) => ({
        key: l.key,
        status: l.status,
        replicas: l.replicas,
        specHash: l.specHash,
        manifestHash: l.manifestHash,
        endpoints: l.endpoints.length,
      })),
    })),
    outputs: Object.keys(s.outputs),
  };
}

/** examples/cdk copied into a fresh project whose node_modules/leasehold is this checkout. */
function cdkProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-cdk-'));
  for (const f of ['cdktf.json', 'main.js']) cpSync(join(ROOT, 'examples/cdk', f), join(dir, f));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'leasehold'), 'dir');
  return dir;
}

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('the CDK web example (built CLI on the devnet)', () => {
  it('GIVEN examples/cdk as a project WHEN applied THEN the state beside cdktf.json has the shape of examples/web.yaml applied, and status, output, plan (no changes) and destroy find it', async () => {
    const yaml = copyExample('web.yaml', 'web');
    expect((await devnet.cli(['apply', '--auto-approve'], yaml.dir, secretEnv)).exitCode).toBe(0);
    const fromYaml = shape(yaml.state());
    expect((await devnet.cli(['destroy', '--auto-approve'], yaml.dir, secretEnv)).exitCode).toBe(0);
    expect(await chain.activeLeases('web')).toEqual([]);

    // The example copied into a project of its own, run from there with no -f and no --state,
    // as a user runs it: the state must live beside cdktf.json and be found by every command.
    const dir = cdkProject();
    const temp = mkdtempSync(join(tmpdir(), 'lh-e2e-cdk-tmp-'));
    const env = { ...secretEnv, TMPDIR: temp };
    const validate = await devnet.cli(['validate'], dir, env);
    expect(validate.stdout).toContain('cdktf.json: valid');
    const r = await devnet.cli(['apply', '--auto-approve'], dir, env);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const stateFile = join(dir, '.leasehold', 'web.state.json');
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as StackState;
    expect(shape(state)).toEqual(fromYaml);
    expect(fromYaml.resources.map((x) => x.address)).toEqual([
      'autoscaling_policy.web',
      'health_check.web',
      'instance.web',
    ]);
    const active = await chain.activeLeases('web');
    expect(active.map((l) => `${l.instance}[${l.key}]`)).toEqual(['web[0]']);
    const url = state.outputs['url']?.value;
    expect(typeof url).toBe('string');
    expect((await fetch(String(url))).status).toBe(200);

    const status = await devnet.cli(['status', '--json'], dir, env);
    expect(status.exitCode).toBe(0);
    const leases = (JSON.parse(status.stdout) as { leases: { address: string }[] }).leases;
    expect(leases.map((l) => l.address)).toEqual(['instance.web[0]']);
    const output = await devnet.cli(['output', 'url'], dir, env);
    expect(output.exitCode).toBe(0);
    expect(output.stdout.trim()).toBe(String(url));
    const list = await devnet.cli(['state', 'list', '-f', 'cdktf.json'], dir, env);
    expect(list.stdout).toContain('instance.web');
    const plan = await devnet.cli(['plan', '--detailed-exitcode'], dir, env);
    expect(plan.stdout).toContain('No changes.');
    expect(plan.exitCode).toBe(0);
    expect((await devnet.cli(['destroy', '--auto-approve'], dir, env)).exitCode).toBe(0);
    expect(await chain.activeLeases('web')).toEqual([]);
    // The synthesis is in the project's cdktf.out/, and nothing is left in the temp dir.
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'web', 'cdk.tf.json'))).toBe(true);
    expect(readdirSync(temp)).toEqual([]);
  });
});
