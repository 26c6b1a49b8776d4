import { mkdtempSync, readFileSync } from 'node:fs';
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
jest.setTimeout(180_000);

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

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('the CDK web example (built CLI on the devnet)', () => {
  it('GIVEN examples/cdk/cdktf.json WHEN applied THEN the state has the shape and model hashes of examples/web.yaml applied', async () => {
    const yaml = copyExample('web.yaml', 'web');
    expect((await devnet.cli(['apply', '--auto-approve'], yaml.dir, secretEnv)).exitCode).toBe(0);
    const fromYaml = shape(yaml.state());
    expect((await devnet.cli(['destroy', '--auto-approve'], yaml.dir, secretEnv)).exitCode).toBe(0);
    expect(await chain.activeLeases('web')).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'lh-e2e-cdk-'));
    const stateFile = join(dir, 'web.state.json');
    const cdk = ['-f', join(ROOT, 'examples/cdk/cdktf.json'), '--state', stateFile];
    const r = await devnet.cli(['apply', '--auto-approve', ...cdk], dir, secretEnv);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
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
    expect(
      (await devnet.cli(['plan', '--detailed-exitcode', ...cdk], dir, secretEnv)).exitCode,
    ).toBe(0);
    expect((await devnet.cli(['destroy', '--auto-approve', ...cdk], dir, secretEnv)).exitCode).toBe(
      0,
    );
    expect(await chain.activeLeases('web')).toEqual([]);
  });
});
