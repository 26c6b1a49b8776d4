import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ApplyLine } from './support/apply-events.js';
import { applyKilledAt } from './support/apply-events.js';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import type { SpecDoc } from './support/stack-dir.js';
import { instance, stackDir, stateLeases } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// `apply --json` is killed with SIGKILL (nothing can be saved on the way out) at three points of
// a slot's life; `apply` run again must converge with EXACTLY the declared leases on chain — no
// duplicate, no orphan — and never a second order for a slot. Each point gets its own stack, two
// slots (spread over providers), so a duplicate or a lost slot shows up in the counts.
jest.setTimeout(180_000);

let devnet: E2eDevnet;
let chain: StackChain;

const spec = (stack: string): SpecDoc => ({
  version: 1,
  stack,
  budget: { maxPerHour: '10', token: 'USDT', escrow: { topUp: '50', maxDeposit: '400' } },
  instances: {
    web: {
      image: 'nginxinc/nginx-unprivileged:1.27',
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 0.5, memory: '512Mi', storage: '1Gi' },
      count: 2,
      duration: '1h',
      pricing: { maxPerHour: '1', token: 'USDT' },
      placement: { spread: 'provider' },
    },
  },
});

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

/** Kills apply at `at`, applies again, and checks the chain, the state and the plan converge. */
async function killThenConverge(
  stack: string,
  at: (l: ApplyLine) => boolean,
): Promise<ApplyLine[]> {
  const s = stackDir(spec(stack));
  const killed = await applyKilledAt(devnet, s.dir, at);
  expect(killed.killed).toBe(true);
  // The killed process's lock file is still there, but its holder is dead on this host: the next
  // apply takes it over, as Terraform's local lock dies with its process.
  const again = await devnet.cli(['apply', '--auto-approve'], s.dir);
  expect(again.stderr).toBe('');
  expect(again.exitCode).toBe(0);
  const active = await chain.activeLeases(stack);
  expect(active.map((l) => l.key).sort()).toEqual(['0', '1']);
  // One order per slot, ever: the resumed apply waited for the order it had already sent.
  const orders = await chain.orders(stack);
  expect(orders.map((o) => o.key).sort()).toEqual(['0', '1']);
  const recorded = stateLeases(s.state());
  expect(recorded.map((l) => l.leaseId).sort()).toEqual(active.map((l) => l.leaseId).sort());
  expect(recorded.map((l) => l.status)).toEqual(['ready', 'ready']);
  for (const url of recorded.flatMap((l) => l.endpoints))
    expect((await fetch(url)).status).toBe(200);
  expect((await devnet.cli(['plan', '--detailed-exitcode'], s.dir)).exitCode).toBe(0);
  return killed.lines;
}

describe('apply killed with SIGKILL, then applied again (built CLI on the devnet)', () => {
  it('GIVEN apply killed right after createOrder was sent WHEN apply runs again THEN it converges on exactly two leases, one order per slot', async () => {
    const lines = await killThenConverge('e2e-crash-order', (l) => l.type === 'order-created');
    expect(lines.some((l) => l.type === 'lease-matched')).toBe(false);
  });

  it('GIVEN apply killed after the match, before the manifest WHEN apply runs again THEN it converges on exactly two leases', async () => {
    const lines = await killThenConverge('e2e-crash-match', (l) => l.type === 'lease-matched');
    expect(lines.some((l) => l.type === 'replica-ready' && l['ready'] === l['total'])).toBe(false);
  });

  it('GIVEN apply killed while waiting for readiness WHEN apply runs again THEN it converges on exactly two leases', async () => {
    const lines = await killThenConverge('e2e-crash-ready', (l) => l.type === 'manifest-sent');
    expect(lines.some((l) => l.type === 'slot-done')).toBe(false);
  });
});

describe('a replacement killed with SIGKILL, then resumed where no provider bids (built CLI on the devnet)', () => {
  const fast = { LEASEHOLD_APPLY_MATCH_TIMEOUT: '6s' };
  const clearFaults = async (): Promise<void> => {
    for (let n = 1; n <= devnet.providers.length; n++) await devnet.fault(`provider-${n}`, 'clear');
  };

  it('GIVEN a cpu change killed after the new order was sent WHEN apply resumes and the new order finds no match THEN the old lease is still active and serving, and apply fails', async () => {
    const s = stackDir(spec('e2e-crash-replace'), (d) => {
      instance(d, 'web')['count'] = 1;
      delete instance(d, 'web')['placement'];
    });
    const first = await devnet.cli(['apply', '--auto-approve'], s.dir);
    expect(first.exitCode).toBe(0);
    const [old] = stateLeases(s.state());
    const oldId = old?.leaseId ?? '';
    const url = old?.endpoints[0] ?? '';
    expect((await fetch(url)).status).toBe(200);

    try {
      // No provider bids from here on: the replacement's order can never be matched.
      for (let n = 1; n <= devnet.providers.length; n++)
        await devnet.fault(`provider-${n}`, 'no-bid');
      s.edit((d) => {
        (instance(d, 'web')['resources'] as Record<string, unknown>)['cpu'] = 1;
      });
      const killed = await applyKilledAt(devnet, s.dir, (l) => l.type === 'order-created');
      expect(killed.killed).toBe(true);
      expect(await chain.leaseState(oldId)).toBe(0);

      const resumed = await devnet.cli(['apply', '--auto-approve'], s.dir, fast);
      expect(resumed.exitCode).toBe(1);
      expect(resumed.stderr).toContain('[apply/no-match]');
      // Resumed, not re-ordered: the order the killed apply sent is the only new one.
      expect((await chain.orders('e2e-crash-replace')).map((o) => o.orderId)).toHaveLength(2);
      expect(await chain.leaseState(oldId)).toBe(0);
      expect((await chain.activeLeases('e2e-crash-replace')).map((l) => l.leaseId)).toEqual([
        oldId,
      ]);
      expect((await fetch(url)).status).toBe(200);
      expect(stateLeases(s.state()).map((l) => l.leaseId)).toEqual([oldId]);
    } finally {
      await clearFaults();
    }
  });
});
