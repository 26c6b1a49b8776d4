import type { ResolvedNetwork } from '../network/network-types.js';
import type { ChainLease } from './chain-lease.js';

/**
 * What import can tell of an instance from its order alone: per-replica cpu and memory, mode,
 * tiers and the token. Image, env, ports and the rest live only in the manifest, so they stay
 * absent (unknown) and the next plan compares only what is known.
 */
export function attributesFromOrder(chain: ChainLease, network: ResolvedNetwork): unknown {
  const token = network.tokens.find(
    (t) => t.address.toLowerCase() === chain.order.token.toLowerCase(),
  );
  return {
    resources: { cpu: chain.cpu, memory: chain.memory },
    placement: { mode: chain.order.mode, tiers: [...chain.order.tiers].sort((a, b) => a - b) },
    ...(token === undefined ? {} : { pricing: { token: token.symbol } }),
  };
}
