import type { ReplicaStatusView } from '../../cli/provider-api.js';
import type { ProbeOutcome } from '../health/health-types.js';
import { readMetric } from '../metrics/read-metric.js';
import type { ScrapePoint } from '../metrics/read-metric.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import type { ReplicaTarget } from './replica-targets.js';

/** Inputs of {@link decideReplicaStatus}. */
export interface DecideReplicaStatusInput {
  readonly target: ReplicaTarget;
  /** The instance's health check, null when none is declared. */
  readonly check: HealthCheckModel | null;
  /** The one probe of this status call; null when it could not run (no endpoint, no check). */
  readonly probe: ProbeOutcome | null;
  /** The two scrapes a rate window apart; null where a scrape failed or did not run. */
  readonly first: ScrapePoint | null;
  readonly second: ScrapePoint | null;
  /** Ms since the epoch. */
  readonly now: number;
}

const round2 = (v: number | null): number | null =>
  v === null || !Number.isFinite(v) ? null : Math.round(v * 100) / 100;

/**
 * One replica's line in `status`. Health is a snapshot, not the controller's thresholded state: a
 * replica not ready is `starting`, or `unhealthy` once it has restarted (a crash loop); a ready
 * one is `healthy` when no check is declared, else by its one probe — a failure within the grace
 * period after it started is still `starting`, and no probe at all is `unknown`.
 */
export function decideReplicaStatus(input: DecideReplicaStatusInput): ReplicaStatusView {
  const { target, check, probe } = input;
  let health: ReplicaStatusView['health'];
  if (!target.ready) health = target.restarts > 0 ? 'unhealthy' : 'starting';
  else if (check === null) health = 'healthy';
  else if (probe === null) health = 'unknown';
  else if (probe.ok) health = 'healthy';
  else if (target.startedAt !== null && input.now - target.startedAt < check.gracePeriod)
    health = 'starting';
  else health = 'unhealthy';
  const last = input.second ?? input.first;
  return {
    name: target.name,
    ready: target.ready,
    restarts: target.restarts,
    health,
    cpuPercent:
      last === null
        ? null
        : round2(readMetric({ type: 'cpu', targetAverageUtilization: 1 }, last, null)),
    rps:
      input.first === null || input.second === null
        ? null
        : round2(
            readMetric(
              { type: 'requestsPerSecond', targetAverageValue: 1 },
              input.second,
              input.first,
            ),
          ),
  };
}
