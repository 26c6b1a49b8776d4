import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { holdProviderApis, startE2eDevnet } from './support/e2e-devnet.js';
import { copyExample, instance, stateLeases } from './support/stack-dir.js';
import type { StackDir } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';
import { validateStateSchema } from '../../cli/state/validate-state-schema.js';
import { waitFor } from '../support/wait-for.js';

// Two operations on one stack at once: the second fails fast naming the lock holder and leaves
// the state whole (apply-cli.test.ts covers apply vs apply); a destroy during an apply is refused
// the same way; a second apply that waits (--lock-timeout) runs after the first and finds nothing
// left to do — never a second lease.
jest.setTimeout(180_000);

let devnet: E2eDevnet;
let chain: StackChain;
let web: StackDir;
const secretEnv = { WEB_API_KEY: 'concurrency-secret-3e8f' };
// The held first apply retries its manifest for as long as the test keeps the providers down.
const holdEnv = { ...secretEnv, LEASEHOLD_APPLY_MANIFEST_TIMEOUT: '10m' };
const lockFile = () => join(web.dir, '.leasehold', 'e2e-lock.lock.json');

async function lockTaken(): Promise<void> {
  await waitFor('the first apply to take the state lock', () => existsSync(lockFile()));
}

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
  web = copyExample('web.yaml', 'e2e-lock');
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('concurrent operations on one stack (built CLI on the devnet)', () => {
  it('GIVEN an apply in progress WHEN destroy starts THEN destroy exits 1 naming the holder before the apply ends, and the apply converges', async () => {
    // The first apply cannot finish while the providers' APIs are down (its manifest is retried),
    // however slow the machine is to start the destroy.
    const release = await holdProviderApis(devnet.home);
    const first = devnet.spawn(['apply', '--auto-approve'], web.dir, holdEnv);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    try {
      await lockTaken();
      const second = await devnet.cli(['destroy', '--auto-approve'], web.dir, secretEnv);
      expect(firstDone).toBe(false);
      expect(second.exitCode).toBe(1);
      expect(second.stderr).toContain('[state/locked]');
      expect(second.stderr).toMatch(/held by .+ \(pid \d+\) for "apply"/);
    } finally {
      await release();
    }
    const res = await first;
    expect(res.exitCode).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
    expect(validateStateSchema(web.state())).toBeNull();
    const active = await chain.activeLeases('e2e-lock');
    expect(active).toHaveLength(1);
    expect(stateLeases(web.state()).map((l) => l.leaseId)).toEqual([active[0]?.leaseId]);
  });

  it('GIVEN an apply in progress WHEN a second apply waits with --lock-timeout THEN it runs after the first and changes nothing', async () => {
    web.edit((d) => {
      instance(d, 'web')['env'] = { LOG_LEVEL: 'debug' };
    });
    const before = await chain.activeLeases('e2e-lock');
    const release = await holdProviderApis(devnet.home);
    const first = devnet.spawn(['apply', '--auto-approve'], web.dir, holdEnv);
    let second: Awaited<ReturnType<typeof devnet.spawn>> | undefined;
    let nonceWhileFirstRuns = 0;
    try {
      await lockTaken();
      nonceWhileFirstRuns = await chain.nonce();
      const waiting = devnet.spawn(
        ['apply', '--auto-approve', '--lock-timeout', '5m'],
        web.dir,
        secretEnv,
      );
      let err = '';
      waiting.stderr?.on('data', (d: Buffer) => (err += d.toString()));
      // It says it waits, and for whom, before the first is let go.
      await waitFor('the second apply to wait for the lock', () =>
        /Waiting for the state lock, held by .+ for "apply"/.test(err),
      );
      await release();
      second = await waiting;
    } finally {
      await release();
    }
    const firstRes = await first;
    expect(firstRes.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    expect(String(second.stdout)).toContain('No changes');
    const after = await chain.activeLeases('e2e-lock');
    expect(after.map((l) => l.leaseId)).toEqual(before.map((l) => l.leaseId));
    expect(await chain.orders('e2e-lock')).toHaveLength(1);
    expect(await chain.nonce()).toBeGreaterThanOrEqual(nonceWhileFirstRuns);
  });
});
