// provider/autoscale: the provider side of an autoscale cycle — observe each watched instance's
// replicas (lease status, probes, scrapes) and decide health and count (pure decideInstance).
// Must not import cli/ beyond cli/diag and the types of cli/provider-api.ts and cli/state.
export { EMPTY_MEMORY, parseAutoscaleMemory } from './autoscale-memory.js';
export type { AutoscaleMemory } from './autoscale-memory.js';
export { decideInstance } from './decide-instance.js';
export type { DecideInstanceInput } from './decide-instance.js';
export { maxAffordableReplicas } from './max-affordable.js';
export type { MaxAffordableInput } from './max-affordable.js';
export { nextMemory } from './next-memory.js';
export type { NextMemoryInput } from './next-memory.js';
export { currentReplicas, observeStack } from './observe-stack.js';
export { toObservedReplicas } from './observed-replica.js';
export type { ObservedReplica, ToObservedReplicasInput } from './observed-replica.js';
