// Reaction time of the autoscale controller on a 1 s-block devnet: a min-1 policy with a 1 s
// interval, a load step to 5× one replica's capacity, and the time until a new replica serves
// (its endpoint answers 200), split into load → scale-out decision → serving.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { runAutoscale } from '../cli/engine/autoscale-controller.js';
import type { AutoscaleDecisionEvent } from '../cli/provider-api.js';
import { createLocalBackend } from '../cli/state/local-backend.js';
import { runLoad } from '../devnet/load/run-load.js';
import { apply } from '../index.js';
import type { ProviderInfo } from '../provider/marketplace/marketplace-types.js';
import { leaseEndpoints } from '../provider/refresh/lease-endpoints.js';
import type { SessionParts } from '../provider/session/connect-session.js';
import type { BenchRow } from './measure.js';
import { removeTempDir } from './measure.js';

const STACK = 'bench-reaction';
const INTERVAL_MS = 1000;
const CAPACITY = 10;
const TARGET = 11;

const SPEC = `
stack: ${STACK}
budget: { maxPerHour: '20', token: USDT, escrow: { topUp: '100', maxDeposit: '1000' } }
instances:
  web:
    image: nginxinc/nginx-unprivileged:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: 1
    duration: 2h
    env: { LEASEHOLD_CAPACITY_RPS: '${CAPACITY}' }
    pricing: { maxPerHour: '1', token: USDT }
    autoscaling:
      min: 1
      max: 8
      metrics:
        - type: requestsPerSecond
          target: { averageValue: ${TARGET} }
      cooldown: 1s
`;

/** What the reaction run measured, in ms from the load step. */
export interface ReactionSample {
  readonly decisionMs: number;
  readonly servingMs: number;
  readonly desired: number;
}

/** Applies the min-1 stack, runs the controller, steps the load up and times the reaction. */
export async function measureReaction(
  parts: SessionParts,
  env: Readonly<Record<string, string | undefined>>,
): Promise<ReactionSample> {
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-reaction-'));
  const stop = new AbortController();
  const loadStop = new AbortController();
  const events: AutoscaleDecisionEvent[] = [];
  try {
    writeFileSync(join(dir, 'leasehold.yaml'), SPEC);
    const res = await apply({ cwd: dir, env, autoApprove: true });
    if (res.status !== 'applied') throw new Error(`apply: ${JSON.stringify(res.diagnostics)}`);
    const lease = (await createLocalBackend({ dir, stack: STACK }).read())?.resources
      .flatMap((r) => r.leases)
      .find((l) => l.leaseId !== null);
    if (lease?.leaseId == null || lease.provider === null) throw new Error('no lease applied');
    const [info] = await parts.marketplace.readProviders([lease.provider]);
    if (info == null) throw new Error('lease provider not registered');
    const before = new Set(lease.endpoints);
    const controller = runAutoscale({
      cwd: dir,
      env,
      log: () => undefined,
      intervalMs: INTERVAL_MS,
      once: false,
      version: 'bench',
      lockTimeoutMs: 10_000,
      parallelism: 4,
      stop: stop.signal,
      abort: new AbortController().signal,
      onEvent: (e) => events.push(e),
      onLine: () => undefined,
    });
    // A few idle cycles first, so the controller holds a scrape from before the step.
    await sleep(3 * INTERVAL_MS + 500);
    const t0 = performance.now();
    const wall0 = Date.now();
    const load = runLoad({
      address: 'instance.web',
      endpoints: [...before],
      rps: 5 * CAPACITY,
      durationMs: 120_000,
      signal: loadStop.signal,
    });
    const served = await firstNewServing(parts, info, BigInt(lease.leaseId), before, 60_000);
    // The decision event is emitted once its apply finished, so it may come after the replica serves.
    const decided = await firstScaleOut(events, wall0, 30_000);
    loadStop.abort();
    stop.abort();
    await Promise.all([load, controller]);
    return {
      decisionMs: Date.parse(decided.at) - wall0,
      servingMs: served - t0,
      desired: decided.desired,
    };
  } finally {
    loadStop.abort();
    stop.abort();
    removeTempDir(dir);
  }
}

/** Waits for the first scale-out decided after `since` (ms since the epoch). */
async function firstScaleOut(
  events: readonly AutoscaleDecisionEvent[],
  since: number,
  timeoutMs: number,
): Promise<AutoscaleDecisionEvent> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const e = events.find((x) => x.action === 'scale-out' && Date.parse(x.at) >= since);
    if (e !== undefined) return e;
    await sleep(50);
  }
  throw new Error(`no scale-out decision: ${JSON.stringify(events.slice(-3))}`);
}

/** Polls the provider every 50 ms until an endpoint not in `before` answers 200; its time. */
async function firstNewServing(
  parts: SessionParts,
  info: ProviderInfo,
  leaseId: bigint,
  before: ReadonlySet<string>,
  timeoutMs: number,
): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const s = await parts.providerClient.leaseStatus(info, leaseId, { timeoutMs: 1000 });
    const fresh = s.ok ? leaseEndpoints(s.value).filter((e) => !before.has(e)) : [];
    for (const url of fresh) {
      const ok = await fetch(url, { signal: AbortSignal.timeout(500) })
        .then((r) => r.status === 200)
        .catch(() => false);
      if (ok) return performance.now();
    }
    await sleep(50);
  }
  throw new Error(`no new replica served within ${timeoutMs} ms`);
}

/** The reaction rows: total against its target, and its parts. */
export function reactionRows(
  r: ReactionSample,
  o: { startDelayMs: number; blockMs: number },
): BenchRow[] {
  const target = INTERVAL_MS + 3 * o.blockMs + o.startDelayMs;
  return [
    {
      name: `reaction: load step to 5× capacity → new replica serving (min-1, ${INTERVAL_MS / 1000} s interval, ${o.blockMs / 1000} s blocks)`,
      value: r.servingMs,
      unit: 'ms',
      target: `≤ ${target / 1000} s (interval + 3 blocks + ${o.startDelayMs / 1000} s start)`,
      pass: r.servingMs <= target,
      note: `scaled 1 → ${r.desired}`,
    },
    {
      name: 'reaction part: load step → scale-out decision',
      value: r.decisionMs,
      unit: 'ms',
      target: `≤ ${INTERVAL_MS / 1000} s + one scrape`,
      pass: null,
    },
    {
      name: 'reaction part: decision → new replica serving (plan, order, match, manifest, start)',
      value: r.servingMs - r.decisionMs,
      unit: 'ms',
      target: '',
      pass: null,
    },
  ];
}
