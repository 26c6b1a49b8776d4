/**
 * The live part of `status`: one health probe per replica and two metric scrapes a rate window
 * apart, every replica of every lease at once with bounded concurrency, so 100 replicas cost about
 * one window plus a few round trips, not 100 of them. Failures are observations; this never throws.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReplicaStatusView } from '../../cli/provider-api.js';
import type { ProbeOutcome } from '../health/health-types.js';
import { runProbes } from '../health/run-probes.js';
import { mapLimit } from '../metrics/map-limit.js';
import type { ScrapePoint } from '../metrics/read-metric.js';
import { scrapeReplicas } from '../metrics/scrape-replicas.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import { decideReplicaStatus } from './decide-replica-status.js';
import type { ReplicaTarget } from './replica-targets.js';

/** One lease's replicas and the check that applies to them. */
export interface ObservedLease {
  readonly targets: readonly ReplicaTarget[];
  readonly check: HealthCheckModel | null;
}

/** Options of {@link observeReplicas}. */
export interface ObserveReplicasOptions {
  /** Time between the two scrapes the request rate is taken over. @default 1000 */
  readonly rateWindowMs?: number | undefined;
  /** Per scrape. @default 1000 */
  readonly scrapeTimeoutMs?: number | undefined;
  /** Scrapes (and probes) in flight at once. @default 32 */
  readonly concurrency?: number | undefined;
  /** @default Date.now */
  readonly clock?: (() => number) | undefined;
}

/** Per lease, in order: each replica's status line. */
export async function observeReplicas(
  leases: readonly ObservedLease[],
  opts: ObserveReplicasOptions = {},
): Promise<ReplicaStatusView[][]> {
  const clock = opts.clock ?? Date.now;
  const concurrency = opts.concurrency ?? 32;
  const flat = leases.flatMap((l, li) =>
    l.targets.flatMap((t, ti) =>
      t.endpoint === null ? [] : [{ id: `${li}/${ti}`, endpoint: t.endpoint }],
    ),
  );
  const scrape = async (): Promise<Map<string, ScrapePoint>> => {
    const obs = await scrapeReplicas(
      flat.map((f) => ({ replica: f.id, endpoint: f.endpoint })),
      { timeoutMs: opts.scrapeTimeoutMs ?? 1000, concurrency, clock },
    );
    return new Map(
      obs.flatMap((o) => (o.ok ? [[o.replica, { at: o.at, samples: o.samples }]] : [])),
    );
  };
  const started = performance.now();
  const first = flat.length === 0 ? new Map<string, ScrapePoint>() : await scrape();
  const [probes, second] = await Promise.all([
    probeAll(leases, concurrency, clock),
    flat.length === 0
      ? Promise.resolve(new Map<string, ScrapePoint>())
      : sleep(Math.max(0, (opts.rateWindowMs ?? 1000) - (performance.now() - started))).then(
          scrape,
        ),
  ]);
  const now = clock();
  return leases.map((l, li) =>
    l.targets.map((target, ti) =>
      decideReplicaStatus({
        target,
        check: l.check,
        probe: probes[li]?.get(target.name) ?? null,
        first: first.get(`${li}/${ti}`) ?? null,
        second: second.get(`${li}/${ti}`) ?? null,
        now,
      }),
    ),
  );
}

/** One probe per ready replica with an endpoint, per lease with a check; by replica name. */
async function probeAll(
  leases: readonly ObservedLease[],
  concurrency: number,
  clock: () => number,
): Promise<Map<string, ProbeOutcome>[]> {
  // Leases run a few at a time, each with its own bound, so the total in flight stays bounded.
  const perLease = Math.max(1, Math.floor(concurrency / 4));
  return mapLimit(leases, 4, async (l) => {
    const check = l.check;
    if (check === null) return new Map<string, ProbeOutcome>();
    const targets = l.targets.filter((t) => t.ready && t.endpoint !== null);
    const res = await runProbes({
      check,
      targets: targets.map((t) => ({ replica: t.name, endpoint: t.endpoint })),
      concurrency: perLease,
      clock,
    });
    return new Map(res.map((r) => [r.replica, r]));
  });
}
