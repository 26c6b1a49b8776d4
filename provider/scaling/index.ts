// provider/scaling: pure scaling decisions — Kubernetes HPA's algorithm plus Leasehold's cooldown
// and budget ceiling. No I/O, no clock: callers pass observations, history and `now`. Must not
// import the marketplace, ethers or cli/ beyond cli/diag.
export { applyBehavior, describePolicy } from './apply-behavior.js';
export type { ApplyBehaviorInput, ApplyBehaviorResult } from './apply-behavior.js';
export { decideReplicas } from './decide-replicas.js';
export type {
  DecideReplicasInput,
  DecideReplicasResult,
  PerMetricDecision,
} from './decide-replicas.js';
export { computeMetricProposal, DEFAULT_TOLERANCE, formatMetricValue } from './metric-ratio.js';
export type { MetricProposal, MetricProposalInput } from './metric-ratio.js';
export { pruneHistory } from './prune-history.js';
export { metricKey, metricTarget } from './scaling-types.js';
export type {
  MetricSample,
  MetricSamples,
  Recommendation,
  ReplicaReadiness,
  ScaleEvent,
  ScalingBlock,
  ScalingHistory,
  ScalingObservations,
} from './scaling-types.js';
export { stabilize } from './stabilize.js';
export type { StabilizeInput, StabilizeResult } from './stabilize.js';
