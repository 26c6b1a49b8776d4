// provider/refresh: reads a stack's leases back from the chain and its providers, and reconciles
// them with the state (refresh, import). The reads go through the Marketplace and ProviderClient
// interfaces only (types from provider/marketplace); the reconcile itself is pure.
export { attributesFromOrder } from './attributes-from-order.js';
export type { ChainFacts, ChainLease, LeaseStatusReading } from './chain-lease.js';
export { chainLeaseFromOrder } from './chain-lease-from-order.js';
export { importStack } from './import-stack.js';
export type { ImportStackInput } from './import-stack.js';
export { leaseEndpoints } from './lease-endpoints.js';
export { leaseRecordFromChain } from './lease-record-from-chain.js';
export { readChainFacts } from './read-chain-facts.js';
export type { ReadChainFactsInput } from './read-chain-facts.js';
export {
  STATUS_CONCURRENCY_PER_PROVIDER,
  STATUS_TIMEOUT_MS,
  readLeaseStatuses,
} from './read-lease-statuses.js';
export { reconcileLeases } from './reconcile-leases.js';
export type { ReconcileLeasesInput, ReconcileLeasesResult } from './reconcile-leases.js';
export { refreshStack } from './refresh-stack.js';
export type { RefreshStackInput } from './refresh-stack.js';
