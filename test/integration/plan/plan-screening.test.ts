import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_APPLY_TIMEOUTS } from '../../../cli/engine/apply-plan.js';
import { applyStack } from '../../../cli/engine/apply-stack.js';
import { planStack } from '../../../cli/engine/plan-stack.js';
import type { Diagnostics } from '../../../cli/diag/index.js';
import type { ModelView, ProviderSession } from '../../../cli/provider-api.js';
import { emptyState } from '../../../cli/state/empty-state.js';
import { createLocalBackend } from '../../../cli/state/local-backend.js';
import type { StateBackend } from '../../../cli/state/state-types.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { createProvider } from '../../../provider/index.js';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import { connectSession } from '../../../provider/session/connect-session.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';
import { connectChain, createLease, deposit, tempDir } from './plan-support.js';
import type { Chain } from './plan-support.js';

jest.setTimeout(120_000);

// Issue 11 item 7 on the devnet: plan screens a new slot against the capacity the provider
// daemons publish at GET /status (Akash's shape), against recent accepted prices, and lists the
// stack's open orders; apply refuses an unmatched slot without sending a transaction.
const home = tempDir('lh-screen-home-');
const dir = tempDir('lh-screen-stack-');
process.env['LEASEHOLD_HOME'] = home;

// The biggest devnet provider has 64 cores (devnet/config/providers.json).
const SPEC = (cpu: number, maxPerHour = '4', stack = 'bigstack'): string => `
stack: ${stack}
instances:
  big:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: ${cpu}, memory: 8Gi, storage: 1Gi }
    pricing: { maxPerHour: '${maxPerHour}', token: USDT }
`;

let info: DevnetInfo;
let chain: Chain;
let session: ProviderSession;

async function load(yaml: string): Promise<ModelView> {
  const file = `spec-${Math.random().toString(36).slice(2)}.yaml`;
  writeFileSync(join(dir, file), yaml);
  const res = await createProvider().loadStack({ file, cwd: dir });
  if (res.model === null) throw new Error(JSON.stringify(res.diagnostics));
  return res.model;
}

const planInput = (model: ModelView, backend: StateBackend) => ({
  session,
  backend,
  stack: model.stack,
  model,
  mode: 'normal' as const,
  refresh: true,
  targets: [],
  replace: [],
  lock: true,
  lockTimeoutMs: 0,
  version: 'test',
  screenMatches: true,
});

const codes = (d: Diagnostics) => d.map((x) => x.code);

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  chain = await connectChain(info);
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
  await deposit(chain, 'USDT', 1_000_000_000n);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

describe('pre-flight screening on the devnet', () => {
  it('GIVEN a slot bigger than every provider publishes WHEN planned THEN warned by capacity; apply refuses it sending nothing', async () => {
    const model = await load(SPEC(100));
    const backend = createLocalBackend({ dir, stack: model.stack });
    const planned = await planStack({ ...planInput(model, backend), now: new Date() });
    expect(codes(planned.diagnostics)).toContain('plan/no-matching-provider');
    // Every daemon publishes its inventory: capacity is known for all five.
    expect(codes(planned.diagnostics)).not.toContain('plan/capacity-unknown');
    const warning = planned.diagnostics.find((d) => d.code === 'plan/no-matching-provider');
    expect(warning?.detail).toContain(
      'no provider has free capacity for 1 × (100 CPU, 8 GiB, 1 GiB storage) (0 of 5)',
    );
    const before = await chain.marketplace.transactionCounts(chain.tenant);
    const res = await applyStack({
      ...planInput(model, backend),
      planFile: null,
      parallelism: 4,
      env: {},
      signal: new AbortController().signal,
      emit: () => undefined,
      timeouts: DEFAULT_APPLY_TIMEOUTS,
      now: () => new Date(),
      confirm: async () => true,
    });
    expect(res.status).toBe('refused');
    expect(codes(res.diagnostics)).toContain('apply/unmatched');
    // Not one transaction: the wallet's nonce (mined and pending) is where it was.
    expect(await chain.marketplace.transactionCounts(chain.tenant)).toEqual(before);
    // A slot that fits is not warned.
    const small = await load(SPEC(2));
    const ok = await planStack({ ...planInput(small, backend), now: new Date() });
    expect(codes(ok.diagnostics)).not.toContain('plan/no-matching-provider');
  });

  it('GIVEN an open order of the stack that no slot owns WHEN status and plan run THEN it is listed with its cost if matched', async () => {
    // What a refused-then-forced apply leaves: an order nobody can take, tagged with the stack.
    const model = await load(SPEC(100, '4', 'openstack'));
    const attrs = model.resources.find((r) => r.address === 'instance.big')?.attributes;
    const details = encodeOrder({
      stack: 'openstack',
      instance: 'big',
      model: attrs as InstanceModel,
      slot: { key: '0', replicas: 1, region: null },
      network: chain.network,
    });
    const created = await chain.marketplace.createOrder(details);
    const state = emptyState({ stack: 'openstack', network: session.network, lineage: '' });
    const status = await session.status({ state });
    expect(status.openOrders).toEqual([
      {
        orderId: created.orderId.toString(),
        address: 'instance.big[0]',
        maxPerHour: '4000000',
        token: 'USDT',
        decimals: 6,
      },
    ]);
    const backend = createLocalBackend({ dir, stack: 'openstack' });
    const planned = await planStack({ ...planInput(model, backend), now: new Date() });
    const open = planned.diagnostics.find((d) => d.code === 'plan/open-orders');
    expect(open?.detail).toContain(
      `order ${created.orderId} for instance.big[0] (up to 4 USDT/h if matched)`,
    );
  });

  it('GIVEN a match accepted recently WHEN a slot asks far less per CPU THEN plan/price-below-market, which apply would not refuse', async () => {
    const model = await load(SPEC(1, '1', 'pricestack'));
    const attrs = model.resources.find((r) => r.address === 'instance.big')?.attributes;
    await createLease(chain, {
      stack: 'pricestack',
      instance: 'big',
      model: attrs as InstanceModel,
      slot: { key: '0', replicas: 1, region: null },
      manifest: false,
    });
    const cheap = await load(SPEC(1, '0.0001', 'cheapstack'));
    const backend = createLocalBackend({ dir, stack: 'cheapstack' });
    const planned = await planStack({ ...planInput(cheap, backend), now: new Date() });
    const warning = planned.diagnostics.find((d) => d.code === 'plan/price-below-market');
    expect(warning?.detail).toMatch(
      /your max 0\.0001 USDT\/h per CPU is below every price accepted in the last \d+ blocks \(lowest [0-9.]+ USDT\/h per CPU, \d+ match(es)?\)/,
    );
    expect(codes(planned.diagnostics)).not.toContain('plan/no-matching-provider');
  });
});
