import type { MetricModel } from '../spec/model-types.js';

/** Readiness of one running replica, as the provider reports it. */
export interface ReplicaReadiness {
  /** Stable id of the replica (its slot or lease), the key of its samples. */
  readonly id: string;
  readonly ready: boolean;
  /** Milliseconds since the epoch when the replica last became ready; null if it never was. */
  readonly readySince: number | null;
}

/** One replica's value of one metric, taken at `at` (ms). */
export interface MetricSample {
  readonly replica: string;
  readonly value: number;
  readonly at: number;
}

/** The samples of one policy metric; a replica without a sample is "missing" for that metric. */
export interface MetricSamples {
  readonly metric: MetricModel;
  readonly samples: readonly MetricSample[];
}

/** What the controller saw this cycle. */
export interface ScalingObservations {
  readonly replicas: readonly ReplicaReadiness[];
  /** Matched to the policy's metrics by {@link metricKey}; a metric with no entry is missing entirely. */
  readonly metrics: readonly MetricSamples[];
}

/** A past (unstabilized) recommendation, as HPA keeps them for its stabilization windows. */
export interface Recommendation {
  readonly at: number;
  readonly replicas: number;
}

/** A past change of the replica count. */
export interface ScaleEvent {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** The controller's memory between cycles. */
export interface ScalingHistory {
  readonly recommendations: readonly Recommendation[];
  readonly events: readonly ScaleEvent[];
}

/** The rule that held the desired count away from what the metrics asked for. */
export type ScalingBlock =
  'cooldown' | 'budget' | 'stabilization' | 'policy' | 'tolerance' | 'metrics' | 'min' | 'max';

/** A stable key per metric: `cpu`, `requestsPerSecond` or the Prometheus series name. */
export function metricKey(metric: MetricModel): string {
  return metric.type === 'prometheus' ? metric.name : metric.type;
}

/** The metric's target: utilization percent for cpu, average value otherwise. */
export function metricTarget(metric: MetricModel): number {
  return metric.type === 'cpu' ? metric.targetAverageUtilization : metric.targetAverageValue;
}
