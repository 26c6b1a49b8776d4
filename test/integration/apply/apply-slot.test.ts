import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JsonRpcProvider, parseUnits } from 'ethers';
import type { ProviderSession } from '../../../cli/provider-api.js';
import { loadProviderConfig } from '../../../devnet/config/load-provider-config.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { injectFault } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { createProvider } from '../../../provider/index.js';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';
import { connectChain, deposit } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { Harness, TIMEOUTS, emptyState, httpGet, loadModel, tempDir } from './apply-support.js';

jest.setTimeout(120_000);

// One devnet for the file; every case drives applySlot through a real ProviderSession.
const home = tempDir('lh-apply-home-');
const dir = tempDir('lh-apply-stack-');
const SECRET = 'apply-secret-7d41e0';
process.env['LEASEHOLD_HOME'] = home;

const WEB = (o: { cpu?: string; env?: string; count?: number; extra?: string } = {}): string => `
stack: shop
instances:
  web:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: ${o.cpu ?? '0.5'}, memory: 512Mi, storage: 1Gi }
    count: ${o.count ?? 1}
    env: { ${o.env ?? 'A: "1"'} }
    secrets:
      TOKEN: { fromEnv: WEB_TOKEN }
    pricing: { maxPerHour: '1', token: USDT }
${o.extra ?? ''}`;

let info: DevnetInfo;
let chain: Chain;
let session: ProviderSession;
const secrets = new Map([['WEB_TOKEN', SECRET]]);
const addressOf = (name: string): string =>
  info.providers.find((p) => p.name === name)?.address.toLowerCase() ?? '';

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  chain = await connectChain(info);
  await deposit(chain, 'USDT', 1_000_000_000n);
  session = await createProvider({ localDevnet: ensureDevnet }).connect({
    network: 'local',
    signer: 'sign',
    cwd: dir,
    env: process.env,
    log: () => undefined,
  });
}, 180_000);

afterAll(async () => {
  await session?.close();
  await chain?.marketplace.close();
  for (const c of opened) await c.marketplace.close();
  await stopDevnet({ home });
});

// The session and the test each hold a NonceManager for the dev wallet: a test that sends after
// the session did takes a fresh client, whose nonce is read from the chain.
const opened: Chain[] = [];
const freshChain = async (): Promise<Chain> => {
  const c = await connectChain(info);
  opened.push(c);
  return c;
};

const leaseState = async (id: string) =>
  (await chain.marketplace.readLeases([BigInt(id)]))[0]?.state;

describe('applySlot on the devnet', () => {
  const h = () => harness;
  let harness: Harness;
  beforeAll(() => {
    harness = new Harness(session, 'shop');
  });

  it('GIVEN a new instance WHEN applied THEN the lease is ready and its endpoint answers 200', async () => {
    const run = await h().apply(await loadModel(dir, WEB()), { secrets });
    expect(run.diagnostics).toEqual([]);
    expect(run.changes.map((c) => c.action)).toEqual(['create']);
    const [lease] = h().leases('instance.web');
    expect(lease).toMatchObject({ status: 'ready', key: '0' });
    expect(lease?.leaseId).not.toBeNull();
    expect(lease?.manifestHash).toMatch(/^sha256:/);
    const res = await httpGet(lease?.endpoints[0] ?? '');
    expect(res.status).toBe(200);
    expect(JSON.stringify(h().state)).not.toContain(SECRET);
    expect(JSON.stringify(run.events)).not.toContain(SECRET);
    expect(run.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['order-created', 'lease-matched', 'manifest-sent', 'replica-ready']),
    );
    expect(h().state.journal).toEqual([]);
  });

  it('GIVEN a running lease WHEN env changes THEN it is updated in place and the workload shows the new env', async () => {
    const before = h().leases('instance.web')[0]?.leaseId;
    const run = await h().apply(await loadModel(dir, WEB({ env: 'A: "1", NEWKEY: "2"' })), {
      secrets,
    });
    expect(run.diagnostics).toEqual([]);
    expect(run.changes.map((c) => c.action)).toEqual(['update']);
    const [lease] = h().leases('instance.web');
    expect(lease?.leaseId).toBe(before);
    expect(lease?.status).toBe('ready');
    expect(run.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['update-requested', 'update-accepted', 'lease-updated']),
    );
    const body = JSON.parse((await httpGet(lease?.endpoints[0] ?? '')).body) as { env: string[] };
    expect(body.env).toContain('NEWKEY');
  });

  it('GIVEN a running lease WHEN status and logs are read THEN the lease is live and its logs stream', async () => {
    const [lease] = h().leases('instance.web');
    const status = await session.status({ state: h().state });
    expect(status.diagnostics).toEqual([]);
    expect(status.leases).toEqual([
      expect.objectContaining({
        address: 'instance.web[0]',
        leaseId: lease?.leaseId,
        token: 'USDT',
        ready: 1,
        total: 1,
        reachable: true,
        endpoints: lease?.endpoints,
      }),
    ]);
    // The provider prices per block at the devnet's 0.25 s blocks, so an hour of the lease costs
    // its hourly rate for 0.5 core + 0.5 GiB (up to the one base unit of rounding up).
    const name = info.providers.find((p) => p.address.toLowerCase() === lease?.provider)?.name;
    const rates = loadProviderConfig().find((c) => c.name === name)?.prices;
    const twiceRate =
      parseUnits(rates?.cpuCoreHour ?? '0', 6) + parseUnits(rates?.memoryGiBHour ?? '0', 6);
    const perHour = BigInt(status.leases[0]?.pricePerHour ?? '0');
    expect(2n * perHour).toBeGreaterThanOrEqual(twiceRate);
    expect(2n * perHour).toBeLessThanOrEqual(twiceRate + 2n);
    expect(status.leases[0]?.runwayHours).toBeGreaterThan(0);
    await httpGet(lease?.endpoints[0] ?? '');
    const lines: { replica: string; message: string }[] = [];
    const logs = await session.logs({
      state: h().state,
      address: 'instance.web',
      tail: 50,
      follow: false,
      onLine: (l) => lines.push(l),
      signal: new AbortController().signal,
    });
    expect(logs.diagnostics).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]?.replica).toMatch(/^web-/);
    const unknown = await session.logs({
      state: h().state,
      address: 'instance.nope',
      tail: 1,
      follow: false,
      onLine: () => undefined,
      signal: new AbortController().signal,
    });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['logs/unknown-address']);
  });

  it('GIVEN a running lease WHEN cpu changes THEN a new lease replaces it and the old one is closed', async () => {
    const old = h().leases('instance.web')[0]?.leaseId ?? '';
    const run = await h().apply(
      await loadModel(dir, WEB({ cpu: '1', env: 'A: "1", NEWKEY: "2"' })),
      { secrets },
    );
    expect(run.diagnostics).toEqual([]);
    expect(run.changes.map((c) => c.action)).toEqual(['create-then-delete']);
    const leases = h().leases('instance.web');
    expect(leases).toHaveLength(1);
    expect(leases[0]?.leaseId).not.toBe(old);
    expect(await leaseState(old)).toBe('terminated');
    expect(await leaseState(leases[0]?.leaseId ?? '')).toBe('active');
  });

  it('GIVEN a running lease WHEN the instance is removed THEN the lease is closed and escrow released', async () => {
    const id = h().leases('instance.web')[0]?.leaseId ?? '';
    const run = await h().apply(null);
    expect(run.diagnostics).toEqual([]);
    expect(h().leases('instance.web')).toEqual([]);
    expect(await leaseState(id)).toBe('terminated');
    const closed = run.events.find((e) => e.type === 'lease-closed');
    expect(closed).toMatchObject({ leaseId: id });
    expect(BigInt((closed as { released: string | null }).released ?? '0')).toBeGreaterThan(0n);
  });
});

describe('applySlot failures on the devnet', () => {
  it('GIVEN a GPU model no provider has WHEN applied THEN apply/no-match names the unmet constraint', async () => {
    const yaml = WEB().replace(
      'storage: 1Gi }',
      'storage: 1Gi, gpu: { units: 1, models: [h200] } }',
    );
    const h = new Harness(session, 'shop');
    const run = await h.apply(await loadModel(dir, yaml), {
      secrets,
      timeouts: { ...TIMEOUTS, matchMs: 3000 },
    });
    expect(run.diagnostics.map((d) => d.code)).toEqual(['apply/no-match']);
    expect(run.diagnostics[0]?.detail).toContain('no provider offers gpu model h200 (0 of 5)');
    expect(run.diagnostics[0]?.detail).toContain('stays open');
    expect(h.leases('instance.web')).toEqual([]);
  });

  it('GIVEN escrow short of the plan and no top-up WHEN ensureEscrow runs THEN it fails with the shortfall and sends nothing', async () => {
    const yaml = WEB().replace("maxPerHour: '1'", "maxPerHour: '100000'");
    const model = await loadModel(dir, yaml);
    const changes = new Harness(session, 'shop').plan(model);
    const rpc = new JsonRpcProvider(info.rpcUrl);
    const nonce = await rpc.getTransactionCount(chain.tenant);
    const res = await session.ensureEscrow({
      model,
      changes,
      emit: () => undefined,
      timeouts: TIMEOUTS,
    });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['apply/insufficient-funds']);
    expect(res.diagnostics[0]?.detail).toMatch(/locks [\d.]+ USDT more than the unlocked escrow/);
    expect(await rpc.getTransactionCount(chain.tenant)).toBe(nonce);
    rpc.destroy();
  });

  it('GIVEN the matched provider offline WHEN the manifest is sent THEN it retries, closes the lease and reports apply/manifest-failed', async () => {
    const pinned = addressOf('rhine-1');
    const yaml = WEB().replace(
      'count: 1',
      `count: 1\n    placement: { tiers: [secured, community], providers: { allow: ['${pinned}'] } }`,
    );
    await injectFault({ home, target: 'rhine-1', kind: 'offline' });
    try {
      const h = new Harness(session, 'shop');
      const run = await h.apply(await loadModel(dir, yaml), {
        secrets,
        timeouts: { ...TIMEOUTS, manifestMs: 3000 },
      });
      expect(run.diagnostics.map((d) => d.code)).toEqual(['apply/manifest-failed']);
      expect(run.events.filter((e) => e.type === 'manifest-retry').length).toBeGreaterThan(0);
      const matched = run.events.find((e) => e.type === 'lease-matched') as { leaseId: string };
      expect(await leaseState(matched.leaseId)).toBe('terminated');
      expect(h.leases('instance.web')).toEqual([]);
    } finally {
      await injectFault({ home, target: 'rhine-1', kind: 'clear' });
    }
  });

  it('GIVEN a provider that rejects manifests WHEN applied THEN apply/manifest-rejected carries its reason', async () => {
    const yaml = WEB().replace(
      'count: 1',
      `count: 1\n    placement: { tiers: [secured, community], providers: { allow: ['${addressOf('rhine-1')}'] } }`,
    );
    await injectFault({ home, target: 'rhine-1', kind: 'reject-manifest' });
    try {
      const h = new Harness(session, 'shop');
      const run = await h.apply(await loadModel(dir, yaml), { secrets });
      expect(run.diagnostics.map((d) => d.code)).toEqual(['apply/manifest-rejected']);
      expect(run.diagnostics[0]?.detail).toMatch(/refused the manifest of lease \d+ .*: .+/);
      expect(run.diagnostics[0]?.detail).not.toContain(SECRET);
      expect(h.leases('instance.web')).toEqual([]);
    } finally {
      await injectFault({ home, target: 'rhine-1', kind: 'clear' });
    }
  });
});

describe('applySlot with a health check on the devnet', () => {
  it('GIVEN an instance with an http health check WHEN applied THEN it passes before the slot is ready', async () => {
    const yaml = WEB()
      .replace('stack: shop', 'stack: hc')
      .replace(
        "pricing: { maxPerHour: '1', token: USDT }",
        "pricing: { maxPerHour: '1', token: USDT }\n    health: { http: { path: /healthz, port: 8080 }, interval: 1s, healthyThreshold: 2 }",
      );
    const h = new Harness(session, 'hc');
    const run = await h.apply(await loadModel(dir, yaml), { secrets });
    expect(run.diagnostics).toEqual([]);
    expect(run.events.map((e) => e.type)).toContain('health-passed');
    expect(h.leases('instance.web')[0]?.status).toBe('ready');
    await h.apply(null);
  });
});

describe('parallel slots on the devnet', () => {
  it('GIVEN four instances WHEN their slots are applied at once THEN one wallet sends every order without a nonce clash and all are ready', async () => {
    const one = (name: string): string => `
  ${name}:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.25, memory: 256Mi, storage: 1Gi }
    pricing: { maxPerHour: '1', token: USDT }`;
    const yaml = `stack: burst\ninstances:${['a', 'b', 'c', 'd'].map(one).join('')}\n`;
    const h = new Harness(session, 'burst');
    const run = await h.apply(await loadModel(dir, yaml));
    expect(run.diagnostics).toEqual([]);
    const ids = h.state.resources.flatMap((r) => r.leases.map((l) => [l.status, l.leaseId]));
    expect(ids).toHaveLength(4);
    expect(ids.every(([status]) => status === 'ready')).toBe(true);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(4);
    await h.apply(null);
  });
});

describe('crash resume on the devnet', () => {
  it('GIVEN a journalled create-order with a tx hash and no lease record WHEN refreshed THEN the lease fills the slot and the journal is cleared', async () => {
    const model = await loadModel(dir, WEB().replace('stack: shop', 'stack: crash'));
    const web = model.resources.find((r) => r.address === 'instance.web')
      ?.attributes as InstanceModel;
    const details = encodeOrder({
      stack: 'crash',
      instance: 'web',
      model: web,
      slot: { key: '0', replicas: 1, region: null },
      network: chain.network,
    });
    let txHash = '';
    const created = await (
      await freshChain()
    ).marketplace.createOrder(details, {
      onSigned: (h) => void (txHash = h),
    });
    expect(txHash).toBe(created.txHash);
    await chain.marketplace.waitForMatch(created.orderId, {
      fromBlock: created.blockNumber,
      timeoutMs: 30_000,
      pollMs: 200,
    });
    const prior = {
      ...emptyState('crash', chain.tenant),
      journal: [
        {
          id: 'j1',
          operation: 'create-order',
          address: 'instance.web',
          key: '0',
          orderId: null,
          txHash,
          createdAt: '',
        },
      ],
    };
    const res = await session.refresh({ stack: 'crash', prior });
    expect(res.state.journal).toEqual([]);
    const leases = res.state.resources.find((r) => r.address === 'instance.web')?.leases ?? [];
    expect(leases.map((l) => [l.key, l.leaseId, l.status])).toEqual([
      ['0', created.orderId.toString(), 'planned'],
    ]);
    // The next apply resumes that lease (manifest, readiness) and orders nothing new.
    const h = new Harness(session, 'crash');
    h.state = res.state;
    const run = await h.apply(model, { secrets });
    expect(run.diagnostics).toEqual([]);
    expect(run.changes.map((c) => c.action)).toEqual(['create']);
    expect(run.events.map((e) => e.type)).not.toContain('order-created');
    expect(h.leases('instance.web').map((l) => [l.leaseId, l.status])).toEqual([
      [created.orderId.toString(), 'ready'],
    ]);
  });

  it('GIVEN a journalled create-order without a tx hash WHEN refreshed THEN the tagged order is found in the logs and fills its slot', async () => {
    const model = await loadModel(dir, WEB({ count: 2 }).replace('stack: shop', 'stack: crash2'));
    const web = model.resources.find((r) => r.address === 'instance.web')
      ?.attributes as InstanceModel;
    const details = encodeOrder({
      stack: 'crash2',
      instance: 'web',
      model: web,
      slot: { key: '0', replicas: 2, region: null },
      network: chain.network,
    });
    const created = await (await freshChain()).marketplace.createOrder(details);
    const prior = {
      ...emptyState('crash2', chain.tenant),
      journal: [
        {
          id: 'j1',
          operation: 'create-order',
          address: 'instance.web',
          key: '0',
          orderId: null,
          txHash: null,
          createdAt: '',
        },
      ],
    };
    const res = await session.refresh({ stack: 'crash2', prior });
    expect(res.state.journal).toEqual([]);
    const leases = res.state.resources.find((r) => r.address === 'instance.web')?.leases ?? [];
    expect(leases.map((l) => [l.key, l.orderId])).toEqual([['0', created.orderId.toString()]]);
  });
});
