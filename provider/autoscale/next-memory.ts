import { REQUESTS_COUNTER } from '../metrics/read-metric.js';
import type { ReplicaProbeResult } from '../health/run-probes.js';
import type { ScrapeObservation } from '../metrics/scrape-replicas.js';
import type { AutoscalingPolicyModel, HealthCheckModel } from '../spec/model-types.js';
import type { AutoscaleMemory } from './autoscale-memory.js';
import type { ObservedReplica } from './observed-replica.js';

/** Options of {@link nextMemory}. */
export interface NextMemoryInput {
  readonly prior: AutoscaleMemory;
  readonly input: {
    readonly check: HealthCheckModel | null;
    readonly policy: AutoscalingPolicyModel | null;
    readonly replicas: readonly ObservedReplica[];
    readonly probes: readonly ReplicaProbeResult[];
    readonly scrapes: readonly ScrapeObservation[];
    readonly now: number;
  };
}

/**
 * The memory after this cycle (pure, bounded): replicas that are gone are forgotten; each keeps
 * as many probes as the thresholds can look at; scrapes keep only the counter series a rate needs;
 * a replica's first ready sighting is kept until it stops being ready.
 */
export function nextMemory({ prior, input }: NextMemoryInput): AutoscaleMemory {
  const keep =
    input.check === null ? 0 : input.check.healthyThreshold + input.check.unhealthyThreshold + 2;
  const counters = counterSeries(input.policy);
  const probes: Record<string, AutoscaleMemory['probes'][string]> = {};
  const scrapes: Record<string, AutoscaleMemory['scrapes'][string]> = {};
  const readySince: Record<string, number> = {};
  const restarts: Record<string, number> = {};
  for (const r of input.replicas) {
    const fresh = input.probes
      .filter((p) => p.replica === r.id)
      .map((p) => ({
        ok: p.ok,
        at: p.at,
        ...(p.status === undefined ? {} : { status: p.status }),
        ...(p.error === undefined ? {} : { error: p.error }),
      }));
    const list = [...(prior.probes[r.id] ?? []), ...fresh].slice(-keep);
    if (list.length > 0) probes[r.id] = list;
    const scrape = input.scrapes.find((s) => s.replica === r.id);
    if (scrape?.ok === true && counters.size > 0) {
      scrapes[r.id] = {
        at: scrape.at,
        samples: scrape.samples.filter((s) => counters.has(s.name)),
      };
    } else if (prior.scrapes[r.id] !== undefined) {
      scrapes[r.id] = prior.scrapes[r.id] as AutoscaleMemory['scrapes'][string];
    }
    if (r.ready) readySince[r.id] = prior.readySince[r.id] ?? input.now;
    restarts[r.id] = r.restartCount;
  }
  return { probes, scrapes, readySince, restarts };
}

/** Series names a rate reads: the request counter and named counters (with and without `_total`). */
function counterSeries(policy: AutoscalingPolicyModel | null): Set<string> {
  const out = new Set<string>();
  for (const m of policy?.metrics ?? []) {
    if (m.type === 'requestsPerSecond') out.add(REQUESTS_COUNTER);
    if (m.type === 'prometheus' && m.kind === 'counter') {
      out.add(m.name);
      out.add(`${m.name}_total`);
    }
  }
  return out;
}
