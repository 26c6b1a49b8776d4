import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { readTree, startE2eDevnet } from './support/e2e-devnet.js';
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

  it('GIVEN a fresh saved plan of a spec elsewhere WHEN applied at once without -f THEN it succeeds, updating in place (same lease id)', async () => {
    const before = stateLeases(web.state()).map((l) => l.leaseId);
    // Planned from another directory with -f; applied with only the plan file: it names its spec.
    const ci = mkdtempSync(join(tmpdir(), 'lh-e2e-saved-ci-'));
    const spec = join(web.dir, 'leasehold.yaml');
    const plan = await devnet.cli(['plan', '-f', spec, '--out', 'p3.json'], ci, secretEnv);
    expect(plan.exitCode).toBe(0);
    const r = await devnet.cli(['apply', 'p3.json'], ci, secretEnv);
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

// Plans that travel: the stack (spec + address book) of a custom network — this devnet's chain,
// its RPC URL with an API key from the environment — planned in one directory and the saved plan
// applied from a copy in another, as CI does on another runner.
describe('a saved plan on a custom network (built CLI on the devnet)', () => {
  const KEY = 'rpc-api-key-e2e-8d2c';
  const env = (): Record<string, string> => ({
    TRAVEL_RPC_URL: `${devnet.rpcUrl}/?apikey=${KEY}`,
    LEASEHOLD_PRIVATE_KEY: devnet.devWallet.privateKey,
  });

  it('GIVEN a plan saved in one checkout WHEN the stack is copied elsewhere THEN the plan applies there, shows the block time, and the URL is written nowhere', async () => {
    const a = copyExample('hello.yaml', 'e2e-travel', (d) => {
      d['network'] = {
        name: 'devnet-chain',
        rpcUrl: { fromEnv: 'TRAVEL_RPC_URL' },
        chainId: devnet.chainId,
        addressBook: './book.json',
        blockTime: '500ms',
      };
    });
    writeFileSync(join(a.dir, 'book.json'), JSON.stringify(devnet.addressBook, null, 2));
    const plan = await devnet.cli(['plan', '--out', 'travel.json'], a.dir, env());
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toContain(
      'Network: devnet-chain (chain 31337), 0.5 s blocks (from the spec)',
    );
    const b = mkdtempSync(join(tmpdir(), 'lh-e2e-travel-elsewhere-'));
    for (const f of ['leasehold.yaml', 'book.json', 'travel.json'])
      copyFileSync(join(a.dir, f), join(b, f));
    const r = await devnet.cli(['apply', 'travel.json'], b, env());
    expect(r.stderr).not.toContain('stale');
    expect(r.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-travel')).toHaveLength(1);
    const written = [readTree(a.dir), readTree(b), plan.stdout, plan.stderr, r.stdout, r.stderr];
    for (const text of written) expect(text).not.toContain(KEY);
    expect(JSON.parse(readFileSync(join(b, 'travel.json'), 'utf8'))).toMatchObject({
      network: { name: 'devnet-chain', chainId: 31337, blockTime: { ms: 500, source: 'spec' } },
    });
  });

  it('GIVEN rpcUrl fromEnv WHEN its variable is not set THEN network/rpc-url-unset names it, exit 1', async () => {
    const c = copyExample('hello.yaml', 'e2e-unset', (d) => {
      d['network'] = {
        name: 'devnet-chain',
        rpcUrl: { fromEnv: 'UNSET_RPC_URL' },
        chainId: devnet.chainId,
        addressBook: './book.json',
      };
    });
    writeFileSync(join(c.dir, 'book.json'), JSON.stringify(devnet.addressBook));
    const r = await devnet.cli(['plan'], c.dir, env());
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[network/rpc-url-unset]');
    expect(r.stderr).toContain('UNSET_RPC_URL');
  });
});
