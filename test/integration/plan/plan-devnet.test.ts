import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importStack as importStackFlow } from '../../../cli/engine/import-stack.js';
import { planStack } from '../../../cli/engine/plan-stack.js';
import { refreshStack as refreshStackFlow } from '../../../cli/engine/refresh-stack.js';
import type { ModelView, ProviderSession } from '../../../cli/provider-api.js';
import type { Plan } from '../../../cli/plan/plan-types.js';
import { createLocalBackend } from '../../../cli/state/local-backend.js';
import type { StackState, StateBackend } from '../../../cli/state/state-types.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { injectFault } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { createProvider } from '../../../provider/index.js';
import { connectSession } from '../../../provider/session/connect-session.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';
import { asApplied, connectChain, createLease, deposit, tempDir } from './plan-support.js';
import type { Chain } from './plan-support.js';

jest.setTimeout(120_000);

// One devnet for the whole file: leases are made through the contracts, then refresh + plan run
// in process through the core's planStack over this engineer's provider code.
const home = tempDir('lh-plan-home-');
const dir = tempDir('lh-plan-stack-');
const SECRET = 'integration-secret-3f9a1c';
process.env['LEASEHOLD_HOME'] = home;
process.env['WEB_TOKEN'] = SECRET;

const SPEC = (
  o: {
    webImage?: string;
    webCount?: number;
    apiCpu?: string;
    apiCount?: number;
    api?: boolean;
    worker?: boolean;
  } = {},
): string => `
stack: shop
instances:
  web:
    image: ${o.webImage ?? 'nginx:1.27'}
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: ${o.webCount ?? 1}
    secrets:
      TOKEN: { fromEnv: WEB_TOKEN }
    pricing: { maxPerHour: '1', token: USDT }
${
  o.api === false
    ? ''
    : `  api:
    image: hashicorp/http-echo:1.0
    ports: [{ port: 5678, as: 80 }]
    resources: { cpu: ${o.apiCpu ?? '250m'}, memory: 256Mi, storage: 1Gi }
    count: ${o.apiCount ?? 2}
    placement: { spread: provider }
    pricing: { maxPerHour: '1', token: USDT }
`
}${
  o.worker === true
    ? `  worker:
    image: busybox:1.36
    resources: { cpu: 250m, memory: 128Mi, storage: 1Gi }
    pricing: { maxPerHour: '1', token: USDT }
`
    : ''
}`;

let info: DevnetInfo;
let chain: Chain;
let session: ProviderSession;
let backend: StateBackend;

async function load(yaml: string): Promise<ModelView> {
  const file = `spec-${Math.random().toString(36).slice(2)}.yaml`;
  writeFileSync(join(dir, file), yaml);
  const res = await createProvider().loadStack({ file, cwd: dir });
  if (res.model === null) throw new Error(JSON.stringify(res.diagnostics));
  return res.model;
}

async function plan(yaml: string): Promise<Plan> {
  const res = await planStack({
    session,
    backend,
    stack: 'shop',
    model: await load(yaml),
    mode: 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: true,
    lockTimeoutMs: 0,
    version: 'test',
    now: new Date(),
  });
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return res.plan;
}

const actions = (p: Plan) => p.changes.map((c) => [c.address, c.action, c.reason ?? null]);
const slots = (s: StackState) =>
  s.resources.flatMap((r) => r.leases.map((l) => [r.address, l.key, l.leaseId])).sort();
const instanceOf = (m: ModelView, name: string): InstanceModel =>
  m.resources.find((r) => r.address === `instance.${name}`)?.attributes as InstanceModel;

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  chain = await connectChain(info);
  // The real session edge (network, dev wallet, marketplace) over the resources/refresh/cost code.
  session = await connectSession(
    {
      network: 'local',
      signer: 'sign',
      cwd: dir,
      env: { ...process.env, LEASEHOLD_HOME: home },
      log: () => undefined,
    },
    { localDevnet: ensureDevnet },
  );
  backend = createLocalBackend({ dir, stack: 'shop' });
  await deposit(chain, 'USDT', 1_000_000_000n);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

describe('plan on the devnet', () => {
  it('GIVEN no state and no lease WHEN planned THEN every slot is a create and the cost is known', async () => {
    const p = await plan(SPEC());
    expect(actions(p)).toEqual([
      ['instance.api[0]', 'create', null],
      ['instance.api[1]', 'create', null],
      ['instance.web[0]', 'create', null],
    ]);
    expect(p.applyable).toBe(true);
    expect(p.drift).toEqual([]);
    // 1 + 1 + 1 USDT/h at max price; escrow read from the chain.
    expect(p.cost[0]).toMatchObject({
      token: 'USDT',
      perHourBefore: '0',
      perHourAfter: '3000000',
      escrowAvailable: '1000000000',
    });
  });

  it('GIVEN leases made through the contracts and recorded as apply would WHEN planned THEN only no-ops (exit code 0)', async () => {
    const model = await load(SPEC());
    const web = instanceOf(model, 'web');
    const api = instanceOf(model, 'api');
    await Promise.all([
      createLease(chain, {
        stack: 'shop',
        instance: 'web',
        model: web,
        slot: { key: '0', replicas: 1, region: null },
        secretValues: { WEB_TOKEN: SECRET },
      }),
      createLease(chain, {
        stack: 'shop',
        instance: 'api',
        model: api,
        slot: { key: '0', replicas: 1, region: null },
      }),
    ]);
    // The second api slot excludes the first one's provider, as apply's order would.
    await createLease(chain, {
      stack: 'shop',
      instance: 'api',
      model: api,
      slot: { key: '1', replicas: 1, region: null },
    });
    const adopted = await session.refresh({ stack: 'shop', prior: null });
    expect(adopted.drift.map((d) => [d.address, d.kind]).sort()).toEqual([
      ['instance.api[0]', 'adopted'],
      ['instance.api[1]', 'adopted'],
      ['instance.web[0]', 'adopted'],
    ]);
    await backend.write(asApplied({ ...adopted.state, serial: 0 }, model));
    const p = await plan(SPEC());
    expect(actions(p)).toEqual([
      ['instance.api[0]', 'no-op', null],
      ['instance.api[1]', 'no-op', null],
      ['instance.web[0]', 'no-op', null],
    ]);
    expect(p.drift).toEqual([]);
    expect(p.applyable).toBe(false);
    expect(Number(p.cost[0]?.perHourBefore)).toBeGreaterThan(0);
  });

  it('GIVEN live leases WHEN the spec changes THEN each kind of change plans the right action', async () => {
    expect(actions(await plan(SPEC({ webImage: 'nginx:1.28' })))).toContainEqual([
      'instance.web[0]',
      'update',
      null,
    ]);
    expect(actions(await plan(SPEC({ webCount: 3 })))).toContainEqual([
      'instance.web[0]',
      'update',
      null,
    ]);
    const cpu = await plan(SPEC({ apiCpu: '500m' }));
    expect(actions(cpu).slice(0, 2)).toEqual([
      ['instance.api[0]', 'create-then-delete', 'replace-because-cannot-update'],
      ['instance.api[1]', 'create-then-delete', 'replace-because-cannot-update'],
    ]);
    expect(cpu.changes[0]?.replacePaths).toEqual(['resources.cpu']);
    expect(actions(await plan(SPEC({ apiCount: 3 })))).toContainEqual([
      'instance.api[2]',
      'create',
      'scale-out',
    ]);
    expect(actions(await plan(SPEC({ apiCount: 1 })))).toContainEqual([
      'instance.api[1]',
      'delete',
      'scale-in',
    ]);
    expect(actions(await plan(SPEC({ api: false })))).toEqual([
      ['instance.api[0]', 'delete', 'delete-because-no-config'],
      ['instance.api[1]', 'delete', 'delete-because-no-config'],
      ['instance.web[0]', 'no-op', null],
    ]);
    expect(actions(await plan(SPEC({ worker: true })))).toContainEqual([
      'instance.worker[0]',
      'create',
      null,
    ]);
  });

  it('GIVEN a provider that is offline WHEN planned THEN the plan succeeds and the lease shows as drift unknown', async () => {
    const state = await backend.read();
    const lease = state?.resources.find((r) => r.address === 'instance.web')?.leases[0];
    const name =
      info.providers.find((p) => p.address.toLowerCase() === lease?.provider)?.name ?? 'missing';
    await injectFault({ home, target: name, kind: 'offline' });
    try {
      const p = await plan(SPEC());
      expect(p.drift.map((d) => [d.address, d.kind])).toContainEqual([
        'instance.web[0]',
        'unknown',
      ]);
      expect(actions(p)).toContainEqual(['instance.web[0]', 'no-op', null]);
      expect(p.errored).toBe(false);
    } finally {
      await injectFault({ home, target: name, kind: 'clear' });
    }
  });

  it('GIVEN a lease closed behind Leasehold’s back WHEN planned THEN drift closed-outside and a recreate', async () => {
    const state = await backend.read();
    const id = state?.resources.find((r) => r.address === 'instance.api')?.leases[1]?.leaseId;
    if (id === null || id === undefined) throw new Error('no api[1] lease');
    await chain.marketplace.closeLease(BigInt(id));
    const p = await plan(SPEC());
    expect(p.drift).toEqual([
      expect.objectContaining({ address: 'instance.api[1]', kind: 'closed-outside', leaseId: id }),
    ]);
    expect(actions(p)).toContainEqual(['instance.api[1]', 'create', 'create-because-missing']);
    const written = await refreshStackFlow({
      session,
      backend,
      stack: 'shop',
      lock: true,
      lockTimeoutMs: 0,
      version: 'test',
    });
    expect(written.written).toBe(true);
    expect(slots(written.state)).toHaveLength(2);
  });

  it('GIVEN the state file deleted WHEN imported THEN the state is rebuilt from the chain with identical addresses', async () => {
    const before = await backend.read();
    if (before === null) throw new Error('no state');
    rmSync(backend.location);
    const res = await importStackFlow({
      session,
      backend,
      stack: 'shop',
      force: false,
      lock: true,
      lockTimeoutMs: 0,
      version: 'test',
    });
    expect(res.written).toBe(true);
    expect(slots(res.state)).toEqual(slots(before));
    expect(res.adopted).toHaveLength(2);
    // What the chain cannot tell (image, env, ports, count) is unknown, so the next plan changes
    // nothing it knows of; the slot closed earlier is beyond the live ones: a scale-out.
    expect(actions(await plan(SPEC())).filter(([, a]) => a !== 'no-op')).toEqual([
      ['instance.api[1]', 'create', 'scale-out'],
    ]);
  });

  it('GIVEN a secret in the spec WHEN state and plans are written THEN its value appears in neither', async () => {
    const p = await plan(SPEC({ webImage: 'nginx:1.28' }));
    expect(JSON.stringify(p)).not.toContain(SECRET);
    expect(JSON.stringify(p)).toContain('WEB_TOKEN');
    expect(readFileSync(backend.location, 'utf8')).not.toContain(SECRET);
  });
});
