// provider/network: which chain the marketplace client talks to — built-in profiles, custom
// networks and the local devnet. Must not import provider/marketplace or ethers.
export { loadNetwork } from './load-network.js';
export type { LoadNetworkInput } from './load-network.js';
export { CANONICAL_MULTICALL3, KNOWN_NETWORKS, NETWORK_PROFILES } from './network-profiles.js';
export type { NetworkProfile } from './network-profiles.js';
export type { NetworkToken, ResolvedNetwork } from './network-types.js';
export { parseAddressBook } from './parse-address-book.js';
export { fromBook, resolveNetwork } from './resolve-network.js';
export type {
  FromBookInput,
  NetworkChoice,
  NetworkDeclaration,
  ResolveNetworkInput,
} from './resolve-network.js';
