// provider/status: the live, per-replica part of `leasehold status` — replicas and their
// endpoints from a provider's lease status, one health probe and two metric scrapes each, and the
// pure decision of what a replica's line says. Marketplace types only: no ethers, no client.
export { decideReplicaStatus } from './decide-replica-status.js';
export type { DecideReplicaStatusInput } from './decide-replica-status.js';
export { observeReplicas } from './observe-replicas.js';
export type { ObservedLease, ObserveReplicasOptions } from './observe-replicas.js';
export { toReplicaTargets } from './replica-targets.js';
export type { ReplicaTarget } from './replica-targets.js';
export { statusProbeConfig } from './status-probe-config.js';
export type { StatusProbeConfig } from './status-probe-config.js';
