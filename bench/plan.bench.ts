// Refresh + plan at scale: 10, 100, 1,000 and 10,000 live leases created through the contracts on a devnet
// (automine), each sent its manifest as apply would, then the core's planStack over the
// provider's refresh, diff and cost code, measured in a child process of its own (like one
// `leasehold plan`): wall time, peak RSS (maxRSS) and JSON-RPC round trips.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonRpcProvider } from 'ethers';
import type { ModelView } from '../cli/provider-api.js';
import { createLocalBackend } from '../cli/state/local-backend.js';
import type { StackState, StateBackend } from '../cli/state/state-types.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { decodeOrderSpec } from '../wire/order-spec.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import { encodeManifest } from '../provider/marketplace/encode-manifest.js';
import { encodeOrder } from '../provider/marketplace/encode-order.js';
import { refreshStack } from '../provider/refresh/refresh-stack.js';
import { loadStack } from '../provider/spec/load-stack.js';
import type { InstanceModel } from '../provider/spec/model-types.js';
import type { BenchRow, BenchSection } from './measure.js';
import { median, removeTempDir } from './measure.js';
import type { PlanBenchChildInput, PlanBenchChildOutput } from './plan-bench-child.js';
import { connect } from './plan-bench-session.js';
import type { Chain } from './plan-bench-session.js';

const SIZES = [10, 100, 1000, 10_000] as const;
/** Targets (issue 16): a fleet of 10,000 in seconds, 1,000 within a second. */
const TARGETS: Readonly<Record<number, { ms: number; rssMb: number; trips?: number }>> = {
  1000: { ms: 1000, rssMb: 150 },
  10_000: { ms: 5000, rssMb: 400, trips: 12 },
};
const RUNS = 3;
const SPEC = (count: number): string => `
stack: bench
instances:
  w:
    image: busybox:1.36
    resources: { cpu: 10m, memory: 32Mi, storage: 64Mi }
    count: ${count}
    duration: 720h
    placement: { spread: provider, tiers: [secured, community] }
    pricing: { maxPerHour: '0.1', token: USDT }
`;

/** One measurement of refresh + plan. */
export interface Sample {
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
    startDelayMs: 0,
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
      await deliverManifests(chain, model, live, n);
      live = n;
      await recordApplied(chain, backend, model);
      const s = measure(chain, dir, n);
      const chainOnly = measure(chain, dir, n, 'chain');
      const planOnly = measure(chain, dir, n, false);
      process.stderr.write(
        `plan bench: ${n} leases: ${JSON.stringify({ s, chainOnly, planOnly })}\n`,
      );
      samples.set(n, s);
      rows.push(...rowsFor(n, s), chainOnlyRow(n, chainOnly), planOnlyRow(n, planOnly));
    }
    rows.push(growthRow(samples));
    return { title: 'Refresh + plan over live leases (devnet, one process per measurement)', rows };
  } finally {
    await chain.marketplace.close();
    await stopDevnet({ home });
    // Retries: the stopped devnet may still be flushing its chain state into `home`.
    removeTempDir(dir);
    removeTempDir(home);
  }
}

export async function deposit(chain: Chain, amount: bigint): Promise<void> {
  const usdt = chain.network.tokens.find((t) => t.symbol === 'USDT');
  if (usdt === undefined) throw new Error('the devnet has no USDT');
  await chain.marketplace.approve(usdt.address, amount);
  await chain.marketplace.deposit(usdt.address, amount);
}

export async function load(dir: string, count: number): Promise<ModelView> {
  writeFileSync(join(dir, 'leasehold.yaml'), SPEC(count));
  const res = await loadStack({ cwd: dir });
  if (res.model === null) throw new Error(JSON.stringify(res.diagnostics));
  return res.model;
}

/** Orders slots [from, to) in batches without waiting for matches, then waits for them all. */
export async function createLeases(chain: Chain, model: ModelView, from: number, to: number) {
  const inst = model.resources[0]?.attributes as InstanceModel;
  // Sent in bursts: one wallet, local nonces, no wait for each receipt.
  const BATCH = 500;
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
  // On an automining chain the matcher retries an order only on a new block: mine empty ones
  // while waiting, or an order whose first match attempt lost a race would wait forever.
  const rpc = new JsonRpcProvider(chain.network.rpcUrl, undefined, { staticNetwork: true });
  try {
    for (;;) {
      const { active } = await chain.marketplace.tenantLeaseIds(chain.tenant);
      if (active.length >= to) return;
      if (Date.now() > deadline) throw new Error(`only ${active.length} of ${to} orders matched`);
      await rpc.send('evm_mine', []);
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    rpc.destroy();
  }
}

/**
 * Sends each new lease its manifest, as apply does, so the providers run the workloads and the
 * status calls of the measured refresh answer with real statuses (not 404s before a manifest).
 */
export async function deliverManifests(chain: Chain, model: ModelView, from: number, to: number) {
  const inst = model.resources[0]?.attributes as InstanceModel;
  const { active } = await chain.marketplace.tenantLeaseIds(chain.tenant);
  const ids = [...active].sort((a, b) => (a < b ? -1 : 1)).slice(from, to);
  const [leases, orders] = await Promise.all([
    chain.marketplace.readLeases(ids),
    chain.marketplace.readOrders(ids),
  ]);
  const addrs = [...new Set(leases.map((l) => l?.provider ?? ''))];
  const infos = await chain.marketplace.readProviders(addrs);
  const byAddr = new Map(addrs.map((a, i) => [a, infos[i] ?? null]));
  const jobs = ids.map((id, i) => async () => {
    const p = byAddr.get(leases[i]?.provider ?? '');
    const key = decodeOrderSpec(orders[i]?.spec ?? '').name.split('.')[3] ?? '';
    if (p === undefined || p === null) throw new Error(`lease ${id} has no provider`);
    const { manifest } = encodeManifest({
      stack: 'bench',
      instance: 'w',
      model: inst,
      slot: { key, replicas: 1, region: null },
      secretValues: {},
    });
    const r = await chain.providerClient.sendManifest(p, id, manifest);
    if (!r.ok || r.value.status !== 200) throw new Error(`manifest of ${id}: ${JSON.stringify(r)}`);
  });
  for (let i = 0; i < jobs.length; i += 16)
    await Promise.all(jobs.slice(i, i + 16).map((j) => j()));
}

/** The state apply would have written: every live lease, with the model's attributes. */
export async function recordApplied(chain: Chain, backend: StateBackend, model: ModelView) {
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

/**
 * Refresh + plan measured as `leasehold plan` runs: each of the RUNS measurements in a fresh child
 * process (see plan-bench-child.ts) — median wall time, and the largest peak RSS (maxRSS).
 */
export function measure(
  chain: Chain,
  dir: string,
  n: number,
  refresh: boolean | 'chain' = true,
  pgUrl?: string,
): Sample {
  const input: PlanBenchChildInput = {
    rpcUrl: chain.network.rpcUrl,
    book: chain.network.book,
    blockTime: chain.network.secondsPerBlock,
    dir,
    leases: n,
    runs: 1,
    refresh,
    pgUrl,
  };
  const child = join(dirname(fileURLToPath(import.meta.url)), 'plan-bench-child.js');
  const outs = Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, [child, JSON.stringify(input)], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (r.status !== 0) throw new Error(`plan bench child exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PlanBenchChildOutput;
  });
  const runs = outs.flatMap((o) => o.runs);
  return {
    ms: median(runs.map((x) => x.ms)),
    peakRssMb: Math.max(...outs.map((o) => o.maxRssMb)),
    roundTrips: median(runs.map((x) => x.roundTrips)),
  };
}

function rowsFor(n: number, s: Sample): BenchRow[] {
  const t = TARGETS[n];
  const trips = t?.trips;
  return [
    {
      name: `refresh + plan, ${n} live leases: wall time`,
      value: s.ms,
      unit: 'ms',
      target: t === undefined ? '' : `≤ ${t.ms} ms`,
      pass: t === undefined ? null : s.ms <= t.ms,
    },
    {
      name: `refresh + plan, ${n} live leases: peak RSS of the process (maxRSS)`,
      value: s.peakRssMb,
      unit: 'MB',
      target: t === undefined ? '' : `≤ ${t.rssMb} MB`,
      pass: t === undefined ? null : s.peakRssMb <= t.rssMb,
    },
    {
      name: `refresh + plan, ${n} live leases: JSON-RPC round trips`,
      value: s.roundTrips,
      unit: 'requests',
      target: trips === undefined ? '' : `≤ ${trips}`,
      pass: trips === undefined ? null : s.roundTrips <= trips,
      note: 'provider status calls are HTTPS to providers, not counted here',
    },
  ];
}

/** `plan --refresh=chain`: the same refresh without the providers' status reads. */
function chainOnlyRow(n: number, s: Sample): BenchRow {
  return {
    name: `plan --refresh=chain, ${n} live leases: wall time`,
    value: s.ms,
    unit: 'ms',
    target: '',
    pass: null,
    note: `no provider status reads; ${s.roundTrips} round trips, ${s.peakRssMb.toFixed(0)} MB peak RSS`,
  };
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
