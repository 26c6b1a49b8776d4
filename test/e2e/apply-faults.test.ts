import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Wallet } from 'ethers';
import { applyWithHook, summaryOf } from './support/apply-events.js';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import type { SpecDoc } from './support/stack-dir.js';
import { instance, stackDir, stateLeases } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// Faults through the built CLI on one devnet: nobody can serve the spec, a wallet that cannot pay,
// a provider that goes offline between the match and the manifest, a provider that rejects the
// manifest. Short waits come from LEASEHOLD_APPLY_*_TIMEOUT (docs/errors/apply-timeouts.md).
jest.setTimeout(180_000);

let devnet: E2eDevnet;
let chain: StackChain;
const fast = { LEASEHOLD_APPLY_MATCH_TIMEOUT: '6s', LEASEHOLD_APPLY_MANIFEST_TIMEOUT: '4s' };

const spec = (stack: string): SpecDoc => ({
  version: 1,
  stack,
  budget: { maxPerHour: '10', token: 'USDT', escrow: { topUp: '50', maxDeposit: '400' } },
  instances: {
    web: {
      image: 'nginxinc/nginx-unprivileged:1.27',
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 0.5, memory: '512Mi', storage: '1Gi' },
      count: 1,
      duration: '1h',
      pricing: { maxPerHour: '1', token: 'USDT' },
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

describe('apply under faults (built CLI on the devnet)', () => {
  it('GIVEN a GPU model no provider has WHEN applied THEN it fails within the match timeout naming the unmet constraint, and no lease exists', async () => {
    const s = stackDir(spec('e2e-nogpu'), (d) => {
      const web = instance(d, 'web');
      web['resources'] = {
        cpu: 2,
        memory: '4Gi',
        storage: '10Gi',
        gpu: { units: 1, vendor: 'nvidia', models: ['h200'] },
      };
      web['pricing'] = { maxPerHour: '4', token: 'USDT' };
    });
    // Screened before ordering: refused unless --allow-unmatched, and not one transaction sent.
    const nonce = await chain.nonce();
    const refused = await devnet.cli(['apply', '--auto-approve'], s.dir, fast);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('[apply/unmatched]');
    expect(await chain.nonce()).toBe(nonce);
    expect(await chain.orders('e2e-nogpu')).toHaveLength(0);
    // Ordered anyway: no match within the timeout, naming the unmet constraint.
    const r = await devnet.cli(['apply', '--auto-approve', '--allow-unmatched'], s.dir, fast);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[apply/no-match]');
    expect(r.stderr).toMatch(/no provider offers gpu model h200 \(0 of 5\)/);
    expect(await chain.activeLeases('e2e-nogpu')).toEqual([]);
    expect(await chain.orders('e2e-nogpu')).toHaveLength(1);
    expect(stateLeases(s.state())).toEqual([]);
    // The order it left is open, and status says so, with what it would cost if matched.
    const status = await devnet.cli(['status'], s.dir);
    expect(status.stdout).toContain('Open orders (1), not matched yet:');
    expect(status.stdout).toMatch(/instance\.web\[0\] +up to 4 USDT\/h if matched/);
  });

  it('GIVEN a wallet with gas but no tokens WHEN applied THEN a clear insufficient-funds error and not one transaction', async () => {
    const wallet = Wallet.createRandom();
    expect(
      (await devnet.cli(['devnet', 'fund', wallet.address, '--eth', '1'], devnet.home)).exitCode,
    ).toBe(0);
    const s = stackDir(spec('e2e-broke'));
    const r = await devnet.cli(['apply', '--auto-approve'], s.dir, {
      LEASEHOLD_PRIVATE_KEY: wallet.privateKey,
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('[apply/insufficient-funds]');
    expect(r.stderr).toMatch(/\d+(\.\d+)? USDT/);
    expect(r.stdout).toContain('nothing was sent');
    expect(await chain.nonce(wallet.address)).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(wallet.privateKey.slice(2));
  });

  it('GIVEN the provider goes offline right after the match WHEN the manifest cannot be delivered THEN it retries, closes the lease and exits 1; with the provider back, apply converges', async () => {
    const s = stackDir(spec('e2e-offline'));
    let provider = '';
    const run = await applyWithHook(
      devnet,
      s.dir,
      (l) => l.type === 'lease-matched',
      async (l) => {
        provider = String(l['provider']);
        const name = devnet.providers.find((p) => p.address.toLowerCase() === provider)?.name ?? '';
        await devnet.fault(name, 'offline');
        return 'resume';
      },
      fast,
    );
    expect(run.exitCode).toBe(1);
    const failed = run.lines.find((l) => l.type === 'slot-failed');
    expect(JSON.stringify(failed)).toContain('apply/manifest-failed');
    expect(run.lines.some((l) => l.type === 'lease-closed')).toBe(true);
    expect(summaryOf(run.lines)).toMatchObject({ status: 'failed' });
    expect(await chain.activeLeases('e2e-offline')).toEqual([]);
    expect(stateLeases(s.state())).toEqual([]);

    const name = devnet.providers.find((p) => p.address.toLowerCase() === provider)?.name ?? '';
    await devnet.fault(name, 'clear');
    const again = await devnet.cli(['apply', '--auto-approve'], s.dir, fast);
    expect(again.exitCode).toBe(0);
    const active = await chain.activeLeases('e2e-offline');
    expect(active).toHaveLength(1);
    expect(stateLeases(s.state()).map((l) => [l.leaseId, l.status])).toEqual([
      [active[0]?.leaseId, 'ready'],
    ]);
  });

  it("GIVEN every provider rejects manifests WHEN applied THEN a clear error with the provider's reason, and the lease is closed", async () => {
    for (let n = 1; n <= 5; n++) await devnet.fault(`provider-${n}`, 'reject-manifest');
    try {
      const s = stackDir(spec('e2e-reject'));
      const r = await devnet.cli(['apply', '--auto-approve'], s.dir, fast);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('[apply/manifest-rejected]');
      expect(r.stderr).toContain(
        'manifest rejected: fault reject-manifest is set on this provider',
      );
      expect(await chain.activeLeases('e2e-reject')).toEqual([]);
      const [order] = await chain.orders('e2e-reject');
      expect(await chain.leaseState(order?.orderId ?? '0')).toBe(1);
    } finally {
      for (let n = 1; n <= 5; n++) await devnet.fault(`provider-${n}`, 'clear');
    }
  });
});
