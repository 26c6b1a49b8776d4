// Refresh + plan at scale: 10, 100 and 1,000 live leases created through the contracts on a devnet
// (automine), then the core's planStack over the provider's refresh, diff and cost code, in
// process. Measures wall time, peak RSS and JSON-RPC round trips (the marketplace's counter).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Wallet } from 'ethers';
import { planStack } from '../cli/engine/plan-stack.js';
import type { ModelView, ProviderSession } from '../cli/provider-api.js';
import { createLocalBackend } from '../cli/state/local-backend.js';
import type { StackState, StateBackend } from '../cli/state/state-types.js';
import { DEV_WALLET } from '../devnet/chain/dev-accounts.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import { summarizeCost } from '../provider/cost/summarize-cost.js';
import { createMarketplace } from '../provider/marketplace/create-marketplace.js';
import { encodeOrder } from '../provider/marketplace/encode-order.js';
import type { Marketplace, ProviderClient } from '../provider/marketplace/marketplace-types.js';
import { createProviderClient } from '../provider/marketplace/provider-client.js';
import type { ResolvedNetwork } from '../provider/network/network-types.js';
import { fromBook } from '../provider/network/resolve-network.js';
import { refreshStack } from '../provider/refresh/refresh-stack.js';
import { planResource } from '../provider/resources/plan-resource.js';
import { loadStack } from '../provider/spec/load-stack.js';
import type { InstanceModel } from '../provider/spec/model-types.js';
import type { BenchRow, BenchSection } from './measure.js';
import { median } from './measure.js';

const SIZES = [10, 100, 1000] as const;
const RUNS = 3;
const SPEC = (count: number): string => `
stack: bench
instances:
  w:
    image: busybox:1.36
    resources: { cpu: 100m, memory: 64Mi, storage: 128Mi }
    count: ${count}
    duration: 720h
    placement: { spread: provider, tiers: [secured, community] }
    pricing: { maxPerHour: '0.1', token: USDT }
`;

interface Chain {
  readonly network: ResolvedNetwork;
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  readonly tenant: string;
}

/** One measurement of refresh + plan. */
interface Sample {
  readonly ms: number;
  readonly peakRssMb: number;
  readonly roundTrips: number;
}

/** Refresh + plan for 10, 100 and 1,000 live leases, with targets for the largest. */
export async function runPlanBench(_root: string): Promise<BenchSection> {
  const home = mkdtempSync(join(tmpdir(), 'lh-bench-home-'));
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-plan-'));
  const info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: null,
    port: 0,
    manifestTimeoutMs: 24 * 3_600_000,
  });
  const chain = await connect(info.rpcUrl, info.addressBook, info.blockTime);
  try {
    await deposit(chain, 100_000n * 10n ** 6n);
    const backend = createLocalBackend({ dir, stack: 'bench' });
    const rows: BenchRow[] = [];
    const samples = new Map<number, Sample>();
    let live = 0;
    for (const n of SIZES) {
      const model = await load(dir, n);
      await createLeases(chain, model, live, n);
      live = n;
      await recordApplied(chain, backend, model);
      const s = await measure(chain, backend, model, n);
      const planOnly = await measure(chain, backend, model, n, false);
      process.stderr.write(`plan bench: ${n} leases: ${JSON.stringify({ s, planOnly })}\n`);
      samples.set(n, s);
      rows.push(...rowsFor(n, s), planOnlyRow(n, planOnly));
    }
    rows.push(growthRow(samples));
    return { title: 'Refresh + plan over live leases (devnet, in process)', rows };
  } finally {
    await chain.marketplace.close();
    await stopDevnet({ home });
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  }
}

async function connect(
  rpcUrl: string,
  book: ResolvedNetwork['book'],
  blockTime: number | null,
): Promise<Chain> {
  const network = fromBook({
    name: 'local',
    rpcUrl,
    secondsPerBlock: blockTime ?? 1,
    book,
    devWallet: true,
  });
  const marketplace = await createMarketplace({
    network,
    signer: (p) => new Wallet(DEV_WALLET.privateKey, p),
  });
  const providerClient = createProviderClient({
    signer: new Wallet(DEV_WALLET.privateKey),
    now: () => new Date(),
  });
  return { network, marketplace, providerClient, tenant: DEV_WALLET.address.toLowerCase() };
}

function session(chain: Chain): ProviderSession {
  return {
    network: { name: chain.network.name, chainId: chain.network.chainId },
    tenant: chain.tenant,
    refresh: (req) =>
      refreshStack({ ...chain, stack: req.stack, prior: req.prior, now: new Date() }),
    importStack: (req) =>
      refreshStack({ ...chain, stack: req.stack, prior: null, now: new Date() }),
    planResource: (req) => planResource({ ...req, network: chain.network }),
    costSummary: async (req) => {
      const usdt = chain.network.tokens.find((t) => t.symbol === 'USDT');
      const escrow = new Map<string, bigint>();
      if (usdt !== undefined) {
        escrow.set(
          'USDT',
          (await chain.marketplace.escrowBalance(chain.tenant, usdt.address)).unlocked,
        );
      }
      return summarizeCost({ ...req, network: chain.network, escrow });
    },
    applySlot: () => Promise.reject(new Error('the plan bench never applies')),
    ensureEscrow: () => Promise.reject(new Error('the plan bench never applies')),
    status: () => Promise.reject(new Error('the plan bench reads no status')),
    logs: () => Promise.reject(new Error('the plan bench reads no logs')),
    close: async () => undefined,
  };
}

async function deposit(chain: Chain, amount: bigint): Promise<void> {
  const usdt = chain.network.tokens.find((t) => t.symbol === 'USDT');
  if (usdt === undefined) throw new Error('the devnet has no USDT');
  await chain.marketplace.approve(usdt.address, amount);
  await chain.marketplace.deposit(usdt.address, amount);
}

async function load(dir: string, count: number): Promise<ModelView> {
  writeFileSync(join(dir, 'leasehold.yaml'), SPEC(count));
  const res = await loadStack({ cwd: dir });
  if (res.model === null) throw new Error(JSON.stringify(res.diagnostics));
  return res.model;
}

/** Orders slots [from, to) in batches without waiting for matches, then waits for them all. */
async function createLeases(chain: Chain, model: ModelView, from: number, to: number) {
  const inst = model.resources[0]?.attributes as InstanceModel;
  const BATCH = 50;
  for (let i = from; i < to; i += BATCH) {
    const keys = Array.from({ length: Math.min(BATCH, to - i) }, (_, j) => String(i + j));
    await Promise.all(
      keys.map((key) =>
        chain.marketplace.createOrder(
          encodeOrder({
            stack: 'bench',
            instance: 'w',
            model: inst,
            slot: { key, replicas: 1, region: null },
            network: chain.network,
          }),
        ),
      ),
    );
  }
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    const { active } = await chain.marketplace.tenantLeaseIds(chain.tenant);
    if (active.length >= to) return;
    if (Date.now() > deadline) throw new Error(`only ${active.length} of ${to} orders matched`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The state apply would have written: every live lease, with the model's attributes. */
async function recordApplied(chain: Chain, backend: StateBackend, model: ModelView) {
  const prior = await backend.read();
  const res = await refreshStack({ ...chain, stack: 'bench', prior, now: new Date() });
  const state: StackState = {
    ...res.state,
    serial: res.state.serial + 1,
    resources: res.state.resources.map((r) => {
      const m = model.resources.find((x) => x.address === r.address);
      return m === undefined ? r : { ...r, attributes: m.attributes, modelHash: m.hash };
    }),
  };
  await backend.write(state);
}

async function measure(
  chain: Chain,
  backend: StateBackend,
  model: ModelView,
  n: number,
  refresh = true,
): Promise<Sample> {
  const runs: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const base = chain.marketplace.rpcRoundTrips();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const t0 = performance.now();
    const res = await planStack({
      session: session(chain),
      backend,
      stack: 'bench',
      model,
      mode: 'normal',
      refresh,
      targets: [],
      replace: [],
      lock: true,
      lockTimeoutMs: 0,
      version: 'bench',
      now: new Date(),
    });
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const noOps = res.plan.changes.filter((c) => c.action === 'no-op').length;
    if (noOps !== n || res.plan.errored) {
      throw new Error(`plan of ${n} leases: ${noOps} no-ops, errored ${res.plan.errored}`);
    }
    runs.push({
      ms,
      peakRssMb: peak / 2 ** 20,
      roundTrips: chain.marketplace.rpcRoundTrips() - base,
    });
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    roundTrips: median(runs.map((r) => r.roundTrips)),
  };
}

function rowsFor(n: number, s: Sample): BenchRow[] {
  const big = n === 1000;
  return [
    {
      name: `refresh + plan, ${n} live leases: wall time`,
      value: s.ms,
      unit: 'ms',
      target: big ? '≤ 2000 ms' : '',
      pass: big ? s.ms <= 2000 : null,
    },
    {
      name: `refresh + plan, ${n} live leases: peak RSS of the process`,
      value: s.peakRssMb,
      unit: 'MB',
      target: big ? '≤ 150 MB' : '',
      pass: big ? s.peakRssMb <= 150 : null,
    },
    {
      name: `refresh + plan, ${n} live leases: JSON-RPC round trips`,
      value: s.roundTrips,
      unit: 'requests',
      target: '',
      pass: null,
      note: 'provider status calls are HTTPS to providers, not counted here',
    },
  ];
}

/** The plan without refresh (`--refresh=false`): diff, slots and cost over the state alone. */
function planOnlyRow(n: number, s: Sample): BenchRow {
  return {
    name: `plan --refresh=false, ${n} leases in state: wall time`,
    value: s.ms,
    unit: 'ms',
    target: '',
    pass: null,
    note: 'no chain or provider I/O: the pure planning share of the row above',
  };
}

/** Round trips may grow at most logarithmically: from 10 to 1,000 leases (×100), ≤ ×3. */
function growthRow(samples: ReadonlyMap<number, Sample>): BenchRow {
  const small = samples.get(10)?.roundTrips ?? 1;
  const big = samples.get(1000)?.roundTrips ?? Infinity;
  const ratio = big / Math.max(1, small);
  return {
    name: 'round trips at 1,000 leases ÷ round trips at 10 leases',
    value: ratio,
    unit: '×',
    target: `≤ ${Math.log10(1000 / 10) + 1} × (log growth)`,
    pass: ratio <= Math.log10(1000 / 10) + 1,
  };
}
