// provider/health: health decisions (pure: replica state machine, replace/alert with the hourly
// replacement budget and placement exclusion) and the probe runner (I/O at the edge, over
// probeOnce). Must not import the marketplace, ethers or cli/ beyond cli/diag.
export { decideHealth, DEFAULT_EXCLUSION_MS } from './decide-health.js';
export type { DecideHealthInput, DecideHealthResult, HealthAction } from './decide-health.js';
export type {
  HealthActionKind,
  HealthState,
  ProbeOutcome,
  ProviderSignals,
} from './health-types.js';
export { probeOnce } from './probe-once.js';
export type { ProbeOnceInput, ProbeResult, ProbeTarget } from './probe-once.js';
export { evaluateReplicaHealth, signalFailure } from './replica-health.js';
export type { ReplicaHealth, ReplicaHealthInput } from './replica-health.js';
export { runProbes, toProbeTarget } from './run-probes.js';
export type { ReplicaProbeResult, ReplicaProbeTarget, RunProbesOptions } from './run-probes.js';
