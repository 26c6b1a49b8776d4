// provider/network: which chain the marketplace client talks to — built-in profiles, custom
// networks and the local devnet, and their block time. Must not import provider/marketplace or ethers.
export {
  BLOCK_TIME_SAMPLES,
  MIN_BLOCK_TIME_SAMPLES,
  decideBlockTime,
} from './decide-block-time.js';
export type {
  BlockStamp,
  DecideBlockTimeInput,
  DecideBlockTimeResult,
} from './decide-block-time.js';
export { loadNetwork } from './load-network.js';
export type { LoadNetworkInput } from './load-network.js';
export { CANONICAL_MULTICALL3, KNOWN_NETWORKS, NETWORK_PROFILES } from './network-profiles.js';
export type { NetworkProfile } from './network-profiles.js';
export type { NetworkToken, ResolvedNetwork } from './network-types.js';
export {
  DEFAULT_PROVIDER_TLS,
  PROVIDER_TLS_POLICIES,
  tlsPolicyInForce,
} from './provider-tls-policy.js';
export type { ProviderTlsPolicy } from './provider-tls-policy.js';
export { parseAddressBook } from './parse-address-book.js';
export type { ParsedAddressBook } from './parse-address-book.js';
export { readRecentBlocks } from './read-recent-blocks.js';
export type { ReadRecentBlocksInput } from './read-recent-blocks.js';
export { fromBook, resolveNetwork } from './resolve-network.js';
export type {
  FromBookInput,
  NetworkChoice,
  NetworkDeclaration,
  ResolveNetworkInput,
} from './resolve-network.js';
