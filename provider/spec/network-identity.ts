import type { NetworkModel } from './model-types.js';

/**
 * What of the network the stack hash covers: which chain and marketplace (name, chain id, the
 * address book's content hash) and the declared block time — not where they are reached from
 * (`rpcUrl`, the book's path). A plan saved in one checkout so stays fresh in another, and an RPC
 * URL, which often holds an API key, never feeds a hash.
 */
export function networkIdentity(network: NetworkModel): NetworkModel {
  const { rpcUrl: _where, addressBook: _path, ...identity } = network;
  return identity;
}
