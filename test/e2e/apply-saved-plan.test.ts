import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import { copyExample, instance, stateLeases } from './support/stack-dir.js';
import type { StackDir } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// Saved plans (`plan --out`, `apply FILE`) on examples/web.yaml: a plan made stale by another
// apply, or by a spec edit, is refused with nothing sent (the tenant's nonce and the state file
// do not move); a fresh plan applies at once; `plan --destroy --out` applied destroys the stack.
jest.setTimeout(180_000);

let devnet: E2eDevnet;
let chain: StackChain;
let web: StackDir;
const secretEnv = { WEB_API_KEY: 'saved-plan-secret-91c2' };
const cli = (...args: string[]) => devnet.cli(args, web.dir, secretEnv);
const setEnv = (value: string) =>
  web.edit((d) => {
    instance(d, 'web')['env'] = { LOG_LEVEL: value };
  });

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
  web = copyExample('web.yaml', 'e2e-saved');
  expect((await cli('apply', '--auto-approve')).exitCode).toBe(0);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('saved plans (built CLI on the devnet)', () => {
  it('GIVEN a saved plan WHEN another apply changed the state first THEN "Saved plan is stale", exit 1, not one transaction, state untouched', async () => {
    setEnv('debug');
    expect((await cli('plan', '--out', 'p1.json')).exitCode).toBe(0);
    setEnv('warn');
    expect((await cli('apply', '--auto-approve')).exitCode).toBe(0);
    setEnv('debug');
    const nonce = await chain.nonce();
    const state = web.stateText();
    const r = await cli('apply', 'p1.json');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Saved plan is stale');
    expect(r.stderr).toContain('[apply/stale-plan]');
    expect(await chain.nonce()).toBe(nonce);
    expect(web.stateText()).toBe(state);
  });

  it('GIVEN a saved plan WHEN the spec changed after it THEN it is refused as stale naming the model hash, nothing sent', async () => {
    setEnv('error');
    expect((await cli('plan', '--out', 'p2.json')).exitCode).toBe(0);
    setEnv('trace');
    const nonce = await chain.nonce();
    const r = await cli('apply', 'p2.json');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[apply/stale-plan]');
    expect(r.stderr).toMatch(/model/);
    expect(await chain.nonce()).toBe(nonce);
  });

  it('GIVEN a fresh saved plan WHEN applied at once THEN it succeeds, updating in place (same lease id)', async () => {
    const before = stateLeases(web.state()).map((l) => l.leaseId);
    expect((await cli('plan', '--out', 'p3.json')).exitCode).toBe(0);
    const r = await cli('apply', 'p3.json');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(stateLeases(web.state()).map((l) => l.leaseId)).toEqual(before);
    const [lease] = await chain.activeLeases('e2e-saved');
    expect([lease?.leaseId]).toEqual(before);
    expect((await cli('plan', '--detailed-exitcode')).exitCode).toBe(0);
  });

  it('GIVEN plan --destroy --out WHEN that plan is applied THEN every lease of the stack is closed', async () => {
    expect((await cli('plan', '--destroy', '--out', 'd.json')).exitCode).toBe(0);
    expect(existsSync(join(web.dir, 'd.json'))).toBe(true);
    expect(readFileSync(join(web.dir, 'd.json'), 'utf8')).not.toContain(secretEnv.WEB_API_KEY);
    const r = await cli('apply', 'd.json');
    expect(r.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-saved')).toEqual([]);
    expect(stateLeases(web.state())).toEqual([]);
  });
});
