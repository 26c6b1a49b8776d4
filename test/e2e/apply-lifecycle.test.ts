import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { E2eDevnet } from './support/e2e-devnet.js';
import { startE2eDevnet } from './support/e2e-devnet.js';
import { copyExample, instance, stateLeases } from './support/stack-dir.js';
import type { StackDir } from './support/stack-dir.js';
import type { StackChain } from './support/stack-chain.js';
import { stackChain } from './support/stack-chain.js';

// examples/web.yaml as a user runs it, through the built CLI on one devnet: from nothing to every
// endpoint answering, then each kind of change the issue names — env (update in place), cpu
// (replacement), count 2 → 3 → 1 — and destroy, each checked against the chain itself (the
// tenant's active leases tagged for the stack), not only against Leasehold's own state.
jest.setTimeout(180_000);

let devnet: E2eDevnet;
let chain: StackChain;
let web: StackDir;
const secretEnv = { WEB_API_KEY: 'lifecycle-secret-value-7d3a' };

interface StatusLease {
  address: string;
  leaseId: string;
  ready: number;
  total: number;
  endpoints: string[];
}

const apply = () =>
  devnet.cli(['apply', '--auto-approve', '-f', 'leasehold.yaml'], web.dir, secretEnv);
const status = async (): Promise<StatusLease[]> => {
  const r = await devnet.cli(['status', '--json'], web.dir);
  expect(r.exitCode).toBe(0);
  return (JSON.parse(r.stdout) as { leases: StatusLease[] }).leases;
};
const root = async (url: string) =>
  (await fetch(url)).json() as Promise<{ env: string[]; lease: string }>;

beforeAll(async () => {
  devnet = await startE2eDevnet();
  chain = stackChain(devnet);
  web = copyExample('web.yaml', 'e2e-web');
});
afterAll(async () => {
  chain?.close();
  await devnet?.down();
});

describe('apply examples/web.yaml (built CLI on the devnet)', () => {
  it('GIVEN nothing WHEN apply --auto-approve -f web.yaml THEN every slot is active, every endpoint answers 200, and plan is empty after', async () => {
    const r = await apply();
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const onChain = await chain.activeLeases('e2e-web');
    expect(onChain.map((l) => `${l.instance}[${l.key}]`)).toEqual(['web[0]']);
    const leases = await status();
    expect(leases).toHaveLength(1);
    expect(leases[0]).toMatchObject({ address: 'instance.web[0]', leaseId: onChain[0]?.leaseId });
    expect(leases[0]).toMatchObject({ ready: 2, total: 2 });
    const out = await devnet.cli(['output', '--json'], web.dir);
    const url = (JSON.parse(out.stdout) as { outputs: { url: { value: string } } }).outputs.url
      .value;
    const endpoints = leases.flatMap((l) => l.endpoints);
    expect(endpoints).toHaveLength(2);
    expect(endpoints).toContain(url);
    for (const e of endpoints) expect((await fetch(e)).status).toBe(200);
    expect(
      web
        .state()
        .resources.map((x) => x.address)
        .sort(),
    ).toEqual(['autoscaling_policy.web', 'health_check.web', 'instance.web']);
    const plan = await devnet.cli(['plan', '--detailed-exitcode'], web.dir, secretEnv);
    expect(plan.exitCode).toBe(0);
  });

  it('GIVEN a new env key WHEN applied THEN the lease is updated in place (same id on chain) and the workload sees the key', async () => {
    const [before] = await chain.activeLeases('e2e-web');
    web.edit((d) => {
      instance(d, 'web')['env'] = { LOG_LEVEL: 'info', FEATURE_FLAG: 'on' };
    });
    const r = await apply();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('0 added, 1 changed, 0 destroyed');
    const after = await chain.activeLeases('e2e-web');
    expect(after.map((l) => l.leaseId)).toEqual([before?.leaseId]);
    const [lease] = await status();
    expect(lease?.leaseId).toBe(before?.leaseId);
    for (const e of lease?.endpoints ?? []) expect((await root(e)).env).toContain('FEATURE_FLAG');
  });

  it('GIVEN a cpu change WHEN applied THEN the slot moves to a new lease and the old one is closed on chain', async () => {
    const [before] = await chain.activeLeases('e2e-web');
    web.edit((d) => {
      (instance(d, 'web')['resources'] as Record<string, unknown>)['cpu'] = 0.5;
    });
    const r = await apply();
    expect(r.exitCode).toBe(0);
    const after = await chain.activeLeases('e2e-web');
    expect(after).toHaveLength(1);
    expect(after[0]?.leaseId).not.toBe(before?.leaseId);
    expect(await chain.leaseState(before?.leaseId ?? '0')).toBe(1);
    expect(stateLeases(web.state()).map((l) => l.leaseId)).toEqual([after[0]?.leaseId]);
    for (const e of (await status()).flatMap((l) => l.endpoints))
      expect((await fetch(e)).status).toBe(200);
  });

  it('GIVEN an autoscaled instance WHEN only its count changes THEN the plan leaves the replicas to the autoscaler', async () => {
    web.edit((d) => {
      instance(d, 'web')['count'] = 3;
    });
    const plan = await devnet.cli(['plan', '--detailed-exitcode'], web.dir, secretEnv);
    expect(plan.exitCode).toBe(0);
  });

  it('GIVEN count 2 → 3 without autoscaling WHEN applied THEN the one lease runs one more replica (ready 3/3)', async () => {
    // With a policy, `count` is only the starting size (desired-count.ts): drop the policy so the
    // declared count rules.
    web.edit((d) => {
      delete instance(d, 'web')['autoscaling'];
    });
    const r = await apply();
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('0 added, 1 changed, 1 destroyed');
    expect(await chain.activeLeases('e2e-web')).toHaveLength(1);
    const [lease] = await status();
    expect(lease).toMatchObject({ ready: 3, total: 3 });
    expect(lease?.endpoints).toHaveLength(3);
    for (const e of lease?.endpoints ?? []) expect((await fetch(e)).status).toBe(200);
  });

  it('GIVEN count 3 → 1 WHEN applied THEN two replicas are gone (ready 1/1) and plan is empty after', async () => {
    web.edit((d) => {
      instance(d, 'web')['count'] = 1;
    });
    const r = await apply();
    expect(r.exitCode).toBe(0);
    expect(await chain.activeLeases('e2e-web')).toHaveLength(1);
    const [lease] = await status();
    expect(lease).toMatchObject({ ready: 1, total: 1 });
    expect(lease?.endpoints).toHaveLength(1);
    expect(stateLeases(web.state()).map((l) => l.replicas)).toEqual([1]);
    const plan = await devnet.cli(['plan', '--detailed-exitcode'], web.dir, secretEnv);
    expect(plan.exitCode).toBe(0);
  });

  it('GIVEN the stack WHEN destroy --auto-approve THEN the tenant has no active lease left for it and the state holds none', async () => {
    const r = await devnet.cli(['destroy', '--auto-approve'], web.dir, secretEnv);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Destroy complete! Resources: 0 added, 0 changed, 2 destroyed\./);
    expect(await chain.activeLeases('e2e-web')).toEqual([]);
    expect(stateLeases(web.state())).toEqual([]);
  });
});

describe('spread: provider (built CLI on the devnet)', () => {
  // Slots created in parallel cannot see each other's providers until they match: the session
  // serialises their order → match steps and excludes the providers already taken.
  it('GIVEN count 2 spread over providers WHEN applied THEN the two leases run on two different providers', async () => {
    const spread = copyExample('web.yaml', 'e2e-spread', (d) => {
      const web = instance(d, 'web');
      delete web['autoscaling'];
      web['placement'] = { spread: 'provider' };
    });
    const r = await devnet.cli(['apply', '--auto-approve'], spread.dir, secretEnv);
    expect(r.exitCode).toBe(0);
    const leases = await chain.activeLeases('e2e-spread');
    expect(leases).toHaveLength(2);
    expect(new Set(leases.map((l) => l.provider)).size).toBe(2);
  });
});
