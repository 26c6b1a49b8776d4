import { formatDuration } from '../../common/units/index.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import type { HealthState, ProbeOutcome, ProviderSignals } from './health-types.js';

/** One replica as the controller saw it. */
export interface ReplicaHealthInput {
  /** The replica's slot or lease id. */
  readonly id: string;
  /**
   * The lease the replica runs in, when several replicas share one: a replacement replaces the
   * lease, so it is counted once against the hourly budget however many of its replicas fail.
   */
  readonly lease?: string | undefined;
  /** Address of the provider serving it: the one to exclude on replacement. */
  readonly provider: string;
  /** When the replica first became ready (ms); null while it never was. */
  readonly readySince: number | null;
  /** Recent probe results; keep at least healthyThreshold + unhealthyThreshold of them. */
  readonly probes: readonly ProbeOutcome[];
  readonly signals: ProviderSignals;
}

/** One replica's health and why. */
export interface ReplicaHealth {
  readonly id: string;
  readonly state: HealthState;
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
  readonly reason: string;
}

/**
 * The health state machine of one replica (pure): probes before readiness are ignored; within the
 * grace period nothing counts against the replica; after it, `unhealthyThreshold` consecutive
 * failures make it unhealthy and `healthyThreshold` consecutive successes make it healthy again.
 * A bad provider signal (not ready, restarting, provider not answering) turns this cycle into a failure.
 */
export function evaluateReplicaHealth(
  check: HealthCheckModel,
  replica: ReplicaHealthInput,
  now: number,
): ReplicaHealth {
  const { id, readySince } = replica;
  const sorted = [...replica.probes].sort((a, b) => a.at - b.at);
  if (readySince === null) {
    const reason = replica.signals.reachable
      ? 'not ready yet'
      : 'provider not answering; never ready';
    const state = replica.signals.reachable ? 'starting' : 'unknown';
    return { id, state, consecutiveFailures: 0, consecutiveSuccesses: 0, reason };
  }
  const graceEnd = readySince + check.gracePeriod;
  if (now < graceEnd) {
    const walk = walkResults(
      check,
      sorted.filter((p) => p.at >= readySince),
    );
    const left = formatDuration(Math.ceil((graceEnd - now) / 1000) * 1000);
    return { id, ...walk, state: 'grace', reason: `in grace period: ${left} left` };
  }
  const results = withSignal(
    sorted.filter((p) => p.at >= graceEnd),
    replica.signals,
    check.interval,
    now,
  );
  const walk = walkResults(check, results);
  return { id, ...walk, reason: describe(check, walk, results.at(-1)) };
}

/** The signal failure of this cycle, if any, in words. */
export function signalFailure(signals: ProviderSignals): string | null {
  if (!signals.reachable) return 'provider not answering';
  if (signals.restarting) return 'container restarting';
  if (!signals.ready) return 'provider reports the replica not ready';
  return null;
}

/**
 * The words for a cycle whose probe succeeded but whose provider signal failed: the replica itself
 * answers, and a person must not read that as "the replica is down".
 */
function answeredButFailed(failure: string): string {
  if (failure === 'provider not answering')
    return 'the provider API is unreachable, but the replica answers its health probe; counted as a failure, since the lease cannot be checked or updated without its provider';
  return `${failure}, although the replica answers its health probe`;
}

function withSignal(
  results: readonly ProbeOutcome[],
  signals: ProviderSignals,
  interval: number,
  now: number,
): readonly ProbeOutcome[] {
  const failure = signalFailure(signals);
  if (failure === null) return results;
  const last = results.at(-1);
  // This cycle's probe, if there is one, becomes the failure: a cycle never counts twice.
  if (last !== undefined && last.at > now - interval) {
    return [
      ...results.slice(0, -1),
      {
        ...last,
        ok: false,
        error: last.ok ? answeredButFailed(failure) : `${failure}; ${last.error ?? 'probe failed'}`,
      },
    ];
  }
  return [...results, { ok: false, at: now, error: failure }];
}

interface Walk {
  readonly state: HealthState;
  readonly consecutiveFailures: number;
  readonly consecutiveSuccesses: number;
}

function walkResults(check: HealthCheckModel, results: readonly ProbeOutcome[]): Walk {
  let state: HealthState = 'unknown';
  let failures = 0;
  let successes = 0;
  for (const r of results) {
    if (r.ok) {
      successes += 1;
      failures = 0;
      if (successes >= check.healthyThreshold) state = 'healthy';
    } else {
      failures += 1;
      successes = 0;
      if (failures >= check.unhealthyThreshold) state = 'unhealthy';
    }
  }
  return { state, consecutiveFailures: failures, consecutiveSuccesses: successes };
}

function describe(check: HealthCheckModel, w: Walk, last: ProbeOutcome | undefined): string {
  const detail =
    last === undefined
      ? ''
      : `: ${last.ok ? 'ok' : (last.error ?? (last.status === undefined ? 'failed' : `HTTP ${last.status}`))}`;
  if (last === undefined) return 'no probe since the grace period ended';
  if (w.state === 'unhealthy' && w.consecutiveFailures > 0) {
    return `${w.consecutiveFailures} consecutive failures (threshold ${check.unhealthyThreshold})${detail}`;
  }
  if (
    w.consecutiveFailures > 0 &&
    last?.ok === false &&
    last.error?.startsWith('the provider API') === true
  ) {
    const left = check.unhealthyThreshold - w.consecutiveFailures;
    const then =
      check.onFailure === 'replace' ? 'replaces the lease on another provider' : 'alerts';
    return `${w.consecutiveFailures} of ${check.unhealthyThreshold} failures before unhealthy${detail}; if it stays unreachable ${left} more cycle${left === 1 ? '' : 's'}, the controller ${then}`;
  }
  if (w.state === 'unhealthy') {
    return `recovering: ${w.consecutiveSuccesses} of ${check.healthyThreshold} successes needed`;
  }
  if (w.consecutiveFailures > 0) {
    return `${w.consecutiveFailures} of ${check.unhealthyThreshold} failures before unhealthy${detail}`;
  }
  if (w.state === 'healthy') return `${w.consecutiveSuccesses} consecutive successes`;
  return `${w.consecutiveSuccesses} of ${check.healthyThreshold} successes needed`;
}
