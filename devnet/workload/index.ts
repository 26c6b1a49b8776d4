// devnet/workload: the stand-ins for containers (there is no container engine): real HTTP
// listeners on loopback with Prometheus metrics, logs and injectable faults. Imports the protocol
// types only; nothing from the chain or the provider daemon.
export { diffReplicas, replicaTemplate } from './diff-replicas.js';
export type { DiffReplicasResult, ReplicaSet } from './diff-replicas.js';
export { LogBuffer } from './log-buffer.js';
export type { LogLine } from './log-buffer.js';
export { cpuUtilizationPercent, renderMetrics } from './render-metrics.js';
export type { RenderMetricsInput } from './render-metrics.js';
export { Replica } from './replica.js';
export type {
  ReplicaFaults,
  ReplicaListener,
  ReplicaOptions,
  ReplicaPort,
  ReplicaState,
} from './replica.js';
export { RequestMeter } from './request-meter.js';
export { Workload } from './workload.js';
export type { ReplicaSnapshot, ServiceSnapshot, WorkloadOptions } from './workload.js';
