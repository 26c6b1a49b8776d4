// The autoscale controller at scale: one cycle's observe step over 100 live replicas on a devnet
// (5 instances × 20 replicas, each instance one lease with an HTTP health check), measured in
// process: refresh (chain + provider status), lease statuses, one probe and one scrape per
// replica. Wall time, the controller process's CPU time, JSON-RPC round trips (the marketplace's
// counter) and request counts, beside the sequential baseline (one request at a time), and
// `status` for the same 100 replicas (one probe, two scrapes 1 s apart).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLocalBackend } from '../cli/state/local-backend.js';
import type { ResourceState, StackState } from '../cli/state/state-types.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import { apply } from '../index.js';
import type { ModelView } from '../cli/provider-api.js';
import { observeStack } from '../provider/autoscale/observe-stack.js';
import { loadStack } from '../provider/spec/load-stack.js';
import { measureReaction, reactionRows } from './autoscale-reaction.js';
import { readStackStatus } from '../provider/apply/read-stack-status.js';
import { runProbes } from '../provider/health/run-probes.js';
import type { ReplicaProbeResult } from '../provider/health/run-probes.js';
import type { ProviderInfo } from '../provider/marketplace/marketplace-types.js';
import { scrapeReplicas } from '../provider/metrics/scrape-replicas.js';
import type { ScrapeObservation } from '../provider/metrics/scrape-replicas.js';
import { refreshStack } from '../provider/refresh/refresh-stack.js';
import type { HealthCheckModel } from '../provider/spec/model-types.js';
import { connectParts } from '../provider/session/connect-session.js';
import type { SessionParts } from '../provider/session/connect-session.js';
import { statusProbeConfig } from '../provider/status/status-probe-config.js';
import { toReplicaTargets } from '../provider/status/replica-targets.js';
import type { ReplicaTarget } from '../provider/status/replica-targets.js';
import type { BenchRow, BenchSection } from './measure.js';
import { median, removeTempDir } from './measure.js';

const INSTANCES = 5;
const PER_INSTANCE = 20;
const RUNS = 5;
const STACK = 'bench-autoscale';

const SPEC = [
  `stack: ${STACK}`,
  'budget:',
  '  maxPerHour: "100"',
  '  token: USDT',
  '  escrow: { topUp: "500", maxDeposit: "5000" }',
  'instances:',
  ...Array.from({ length: INSTANCES }, (_, i) => [
    `  w${i}:`,
    '    image: nginxinc/nginx-unprivileged:1.27',
    '    ports: [{ port: 8080, as: 80 }]',
    '    resources: { cpu: 100m, memory: 64Mi, storage: 128Mi }',
    `    count: ${PER_INSTANCE}`,
    '    duration: 2h',
    '    pricing: { maxPerHour: "0.5", token: USDT }',
    '    health:',
    '      http: { path: /healthz, port: 8080 }',
    '      interval: 1s',
    '      timeout: 1s',
    '    autoscaling:',
    `      min: ${PER_INSTANCE}`,
    `      max: ${PER_INSTANCE + 5}`,
    '      metrics: [{ type: cpu, target: { averageUtilization: 70 } }]',
  ]).flat(),
].join('\n');

/** One controller cycle (refresh, then the session's observe) and the refresh's share. */
interface ControllerSample {
  readonly ms: number;
  readonly refreshMs: number;
  readonly cpuMs: number;
  readonly roundTrips: number;
  readonly decisions: number;
}

/** One observe step: what it cost and what it did. */
interface CycleSample {
  readonly ms: number;
  readonly cpuMs: number;
  readonly roundTrips: number;
  readonly statusRequests: number;
  readonly probes: number;
  readonly scrapes: number;
  readonly failures: number;
}

/** One controller cycle's observe cost for 100 replicas, its sequential baseline, and `status`. */
export async function runAutoscaleBench(_root: string): Promise<BenchSection> {
  const home = mkdtempSync(join(tmpdir(), 'lh-bench-as-home-'));
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-as-'));
  const env = { ...process.env, LEASEHOLD_HOME: home, LEASEHOLD_NETWORK: 'local' };
  await ensureDevnet({ home, log: () => undefined, blockTime: 1, port: 0 });
  let parts: SessionParts | null = null;
  try {
    writeFileSync(join(dir, 'leasehold.yaml'), SPEC);
    const res = await apply({ cwd: dir, env, autoApprove: true, parallelism: INSTANCES });
    if (res.status !== 'applied') throw new Error(`apply: ${JSON.stringify(res.diagnostics)}`);
    parts = await connectParts(
      {
        network: 'local',
        signer: 'address',
        cwd: dir,
        env,
        log: () => undefined,
      },
      { localDevnet: ensureDevnet },
    );
    const state = await createLocalBackend({ dir, stack: STACK }).read();
    if (state === null) throw new Error('apply wrote no state');
    const p = parts;
    const loaded = await loadStack({ cwd: dir });
    if (loaded.model === null) throw new Error(JSON.stringify(loaded.diagnostics));
    const model = loaded.model;
    const controller = await repeat(() => controllerCycle(p, state, model));
    const cycles = await repeat(() => observeCycle(p, state, 32));
    const sequential = await repeat(() => observeCycle(p, state, 1));
    const status = await repeat(async () => {
      const t0 = performance.now();
      const s = await readStackStatus(deps(p), state);
      const n = s.leases.flatMap((l) => l.replicas).length;
      if (n !== INSTANCES * PER_INSTANCE) throw new Error(`status saw ${n} replicas`);
      return performance.now() - t0;
    });
    const reaction = await measureReaction(p, env);
    return {
      title: 'Autoscale controller (devnet, in process)',
      rows: [
        ...controllerRows(controller),
        ...rows(cycles, sequential, status),
        ...reactionRows(reaction, { startDelayMs: 1000, blockMs: 1000 }),
      ],
    };
  } finally {
    await parts?.marketplace.close();
    await stopDevnet({ home });
    removeTempDir(dir);
    removeTempDir(home);
  }
}

async function repeat<T>(fn: () => Promise<T>): Promise<T[]> {
  await fn(); // warm-up: connections, JIT
  const out: T[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await fn());
  return out;
}

function deps(p: SessionParts) {
  const tenant = p.signer.address ?? '';
  return { ...p, tenant, now: () => new Date() };
}

/** What the controller does each interval before deciding to apply: refresh, then observe. */
async function controllerCycle(
  p: SessionParts,
  prior: StackState,
  model: ModelView,
): Promise<ControllerSample> {
  const rt0 = p.marketplace.rpcRoundTrips();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const d = deps(p);
  const refreshed = await refreshStack({ ...d, stack: STACK, prior, now: new Date() });
  const refreshMs = performance.now() - t0;
  const history = { formatVersion: 1 as const, stack: STACK, resources: {}, decisions: [] };
  const res = await observeStack(d, { state: refreshed.state, model, history, now: Date.now() });
  if (res.decisions.length !== INSTANCES) throw new Error(JSON.stringify(res.diagnostics));
  const cpu = process.cpuUsage(cpu0);
  return {
    ms: performance.now() - t0,
    refreshMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    roundTrips: p.marketplace.rpcRoundTrips() - rt0,
    decisions: res.decisions.length,
  };
}

function controllerRows(c: readonly ControllerSample[]): BenchRow[] {
  const n = INSTANCES * PER_INSTANCE;
  const wall = median(c.map((x) => x.ms));
  const cpu = median(c.map((x) => x.cpuMs));
  return [
    {
      name: `controller cycle, ${n} replicas: refresh + observe + decide, wall (median of ${RUNS})`,
      value: wall,
      unit: 'ms',
      target: '≤ 1 s',
      pass: wall <= 1000,
      note: `${INSTANCES} leases: a status request each, a probe and a scrape per replica, ${c[0]?.decisions ?? 0} decisions`,
    },
    {
      name: `controller cycle, ${n} replicas: of which refresh`,
      value: median(c.map((x) => x.refreshMs)),
      unit: 'ms',
      target: '',
      pass: null,
    },
    {
      name: `controller cycle, ${n} replicas: controller CPU time`,
      value: cpu,
      unit: 'ms',
      target: '≤ 1 s',
      pass: cpu <= 1000,
    },
    {
      name: `controller cycle, ${n} replicas: JSON-RPC round trips`,
      value: median(c.map((x) => x.roundTrips)),
      unit: 'requests',
      target: '',
      pass: null,
      note: 'Multicall3-batched chain reads',
    },
  ];
}

/** Refresh, then each lease's status, one probe and one scrape per replica. */
async function observeCycle(
  p: SessionParts,
  prior: StackState,
  concurrency: number,
): Promise<CycleSample> {
  const rt0 = p.marketplace.rpcRoundTrips();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const d = deps(p);
  const refreshed = await refreshStack({ ...d, stack: STACK, prior, now: new Date() });
  const state = refreshed.state;
  const instances = state.resources.filter((r) => r.type === 'instance');
  const leases = instances.flatMap((r) => r.leases.map((l) => ({ resource: r, lease: l })));
  const addrs = [
    ...new Set(leases.flatMap((x) => (x.lease.provider === null ? [] : [x.lease.provider]))),
  ];
  const infos = new Map(
    (await p.marketplace.readProviders(addrs)).flatMap((i) =>
      i === null ? [] : [[i.address.toLowerCase(), i] as const],
    ),
  );
  const perInstance = await Promise.all(instances.map(async (r) => targetsOf(d, state, r, infos)));
  const { probes, scrapes } = await probeAndScrape(perInstance, concurrency);
  const cpu = process.cpuUsage(cpu0);
  return {
    ms: performance.now() - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    roundTrips: p.marketplace.rpcRoundTrips() - rt0,
    statusRequests: leases.length * 2,
    probes: probes.length,
    scrapes: scrapes.length,
    failures: probes.filter((x) => !x.ok).length + scrapes.filter((x) => !x.ok).length,
  };
}

/**
 * One probe and one scrape per replica: probes and scrapes at once, each bounded by
 * `concurrency`; with 1, strictly one request after another (the SDK-style baseline).
 */
async function probeAndScrape(
  perInstance: readonly { check: HealthCheckModel | null; targets: readonly ReplicaTarget[] }[],
  concurrency: number,
): Promise<{ probes: ReplicaProbeResult[]; scrapes: ScrapeObservation[] }> {
  const probeOne = (x: (typeof perInstance)[number], width: number) =>
    x.check === null
      ? Promise.resolve([])
      : runProbes({
          check: x.check,
          targets: x.targets.map((t) => ({ replica: t.name, endpoint: t.endpoint })),
          concurrency: width,
        });
  const scrapeTargets = perInstance
    .flatMap((x) => x.targets)
    .flatMap((t, i) => (t.endpoint === null ? [] : [{ replica: String(i), endpoint: t.endpoint }]));
  const scrape = () => scrapeReplicas(scrapeTargets, { timeoutMs: 2000, concurrency });
  if (concurrency === 1) {
    const probes: ReplicaProbeResult[] = [];
    for (const x of perInstance) probes.push(...(await probeOne(x, 1)));
    return { probes, scrapes: await scrape() };
  }
  const width = Math.max(1, Math.floor(concurrency / INSTANCES));
  const [probes, scrapes] = await Promise.all([
    Promise.all(perInstance.map((x) => probeOne(x, width))).then((x) => x.flat()),
    scrape(),
  ]);
  return { probes, scrapes };
}

/** One instance's replicas (one status request per lease) and its recorded health check. */
async function targetsOf(
  d: ReturnType<typeof deps>,
  state: StackState,
  r: ResourceState,
  infos: ReadonlyMap<string, ProviderInfo>,
) {
  const cfg = statusProbeConfig(state, r);
  const lists = await Promise.all(
    r.leases.map(async (l): Promise<ReplicaTarget[]> => {
      const info = infos.get(l.provider ?? '');
      if (info === undefined || l.leaseId === null) return [];
      const s = await d.providerClient.leaseStatus(info, BigInt(l.leaseId), { timeoutMs: 3000 });
      return s.ok ? toReplicaTargets(s.value, r.name, cfg.port) : [];
    }),
  );
  return { check: cfg.check, targets: lists.flat() };
}

function rows(
  cycles: readonly CycleSample[],
  sequential: readonly CycleSample[],
  status: readonly number[],
): BenchRow[] {
  const wall = median(cycles.map((c) => c.ms));
  const cpu = median(cycles.map((c) => c.cpuMs));
  const base = median(sequential.map((c) => c.ms));
  const last = cycles.at(-1);
  const n = INSTANCES * PER_INSTANCE;
  const did =
    last === undefined
      ? ''
      : `${last.statusRequests} provider status requests, ${last.probes} probes, ${last.scrapes} scrapes, ${last.failures} failed`;
  return [
    {
      name: `observe step, ${n} replicas: wall time (median of ${RUNS})`,
      value: wall,
      unit: 'ms',
      target: '≤ 1 s',
      pass: wall <= 1000,
      note: did,
    },
    {
      name: `observe step, ${n} replicas: controller CPU time`,
      value: cpu,
      unit: 'ms',
      target: '≤ 1 s',
      pass: cpu <= 1000,
    },
    {
      name: `observe step, ${n} replicas: JSON-RPC round trips`,
      value: median(cycles.map((c) => c.roundTrips)),
      unit: 'requests',
      target: '',
      pass: null,
      note: 'refresh and provider records, Multicall3-batched',
    },
    {
      name: `baseline: the same step one request at a time`,
      value: base,
      unit: 'ms',
      target: '',
      pass: null,
      note: `${(base / wall).toFixed(1)}× the bounded-parallel step`,
    },
    {
      name: `status, ${n} replicas (probe + two scrapes 1 s apart)`,
      value: median(status),
      unit: 'ms',
      target: '≤ 1.5 s (its 1 s rate window + 0.5 s)',
      pass: median(status) <= 1500,
    },
  ];
}
