import type { MetricModel } from '../spec/model-types.js';
import { metricKey, metricTarget } from './scaling-types.js';
import type { MetricSample, ReplicaReadiness } from './scaling-types.js';

/** HPA's default tolerance: ratios within 10 % of 1 change nothing. */
export const DEFAULT_TOLERANCE = 0.1;

/** Input of {@link computeMetricProposal}. */
export interface MetricProposalInput {
  readonly metric: MetricModel;
  /** null: the metric is missing entirely (no scrape answered for it). */
  readonly samples: readonly MetricSample[] | null;
  readonly replicas: readonly ReplicaReadiness[];
  readonly current: number;
  /** @default 0.1 */
  readonly tolerance?: number | undefined;
}

/** One metric's replica proposal, with the un-dampened value HPA reports in its status. */
export interface MetricProposal {
  readonly metric: string;
  readonly target: number;
  /** Average over ready replicas with a sample; null when there is none. */
  readonly value: number | null;
  /** null when the metric is unusable this cycle. */
  readonly proposal: number | null;
  /** True when the ratio (or the recomputed one) is within tolerance or reverses direction. */
  readonly held: boolean;
  readonly reason: string;
}

interface Groups {
  readonly ready: number[];
  readonly unready: number;
  readonly missing: number;
}

/**
 * Kubernetes HPA's per-metric rule (replica_calculator.go): `ceil(current × value / target)` over
 * ready replicas, no change within tolerance; replicas without a sample count as 100 % of target on
 * a scale-down and 0 % on a scale-up; for cpu, not-ready replicas count as 0 % on a scale-up; when
 * the recomputed ratio is within tolerance or reverses direction, nothing changes.
 */
export function computeMetricProposal(input: MetricProposalInput): MetricProposal {
  const { metric, current } = input;
  const tol = input.tolerance ?? DEFAULT_TOLERANCE;
  const target = metricTarget(metric);
  const name = metricKey(metric);
  const out = (value: number | null, proposal: number | null, held: boolean, reason: string) => ({
    metric: name,
    target,
    value,
    proposal,
    held,
    reason,
  });
  if (input.samples === null) return out(null, null, false, `${name}: no samples (missing)`);
  const g = groupReplicas(metric, input.samples, input.replicas);
  if (g.ready.length === 0) {
    return out(null, null, false, `${name}: no samples from a ready replica`);
  }
  const sum = g.ready.reduce((a, b) => a + b, 0);
  const value = sum / g.ready.length;
  const ratio = value / target;
  const vs = `${name} ${formatMetricValue(metric, value)} vs target ${formatMetricValue(metric, target)}`;
  const scaleUpWithUnready = g.unready > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing === 0) {
    if (Math.abs(1 - ratio) <= tol) {
      return out(value, current, true, `${vs}: within tolerance ${tol} → stays at ${current}`);
    }
    const proposal = ceilReplicas(sum / target);
    return out(value, proposal, false, `${vs} → ${proposal} replicas`);
  }
  // Dampen: fill in the replicas set aside with the value least favourable to the move.
  const fillMissing = ratio < 1 ? target * g.missing : 0;
  const count =
    g.ready.length + (ratio === 1 ? 0 : g.missing) + (scaleUpWithUnready ? g.unready : 0);
  const newRatio = (sum + fillMissing) / target / count;
  const note = dampingNote(metric, g, ratio, scaleUpWithUnready);
  const reversed = (ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1);
  if (Math.abs(1 - newRatio) <= tol || reversed) {
    const why = reversed ? 'reverses direction' : `is within tolerance ${tol}`;
    return out(
      value,
      current,
      true,
      `${vs} ${note}: recomputed ratio ${round2(newRatio)} ${why} → stays at ${current}`,
    );
  }
  const proposal = ceilReplicas((sum + fillMissing) / target);
  if ((newRatio < 1 && proposal > current) || (newRatio > 1 && proposal < current)) {
    return out(
      value,
      current,
      true,
      `${vs} ${note}: proposal ${proposal} goes against the ratio → stays at ${current}`,
    );
  }
  return out(value, proposal, false, `${vs} ${note} → ${proposal} replicas`);
}

function groupReplicas(
  metric: MetricModel,
  samples: readonly MetricSample[],
  replicas: readonly ReplicaReadiness[],
): Groups {
  const byReplica = new Map(samples.map((s) => [s.replica, s]));
  const ready: number[] = [];
  let unready = 0;
  let missing = 0;
  for (const r of replicas) {
    const s = byReplica.get(r.id);
    if (s === undefined || !Number.isFinite(s.value)) missing += 1;
    // HPA sets aside only cpu samples of replicas not ready, or taken before they became ready.
    else if (metric.type === 'cpu' && (!r.ready || r.readySince === null || s.at < r.readySince))
      unready += 1;
    else ready.push(s.value);
  }
  return { ready, unready, missing };
}

function dampingNote(metric: MetricModel, g: Groups, ratio: number, up: boolean): string {
  const parts: string[] = [];
  if (g.missing > 0) {
    const as = ratio < 1 ? '100% of target' : ratio > 1 ? '0' : 'left out';
    parts.push(`${g.missing} without a sample counted as ${as}`);
  }
  if (up && g.unready > 0) parts.push(`${g.unready} not ready counted as 0`);
  if (!up && g.unready > 0 && metric.type === 'cpu') parts.push(`${g.unready} not ready left out`);
  return `(${parts.join(', ')})`;
}

/** ceil, immune to float noise such as 1.1 × 10 = 11.000000000000002. */
function ceilReplicas(x: number): number {
  return Math.ceil(x - 1e-9);
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** `142%` for cpu, `12.5` otherwise. */
export function formatMetricValue(metric: MetricModel, value: number): string {
  return metric.type === 'cpu' ? `${Math.round(value)}%` : `${round2(value)}`;
}
