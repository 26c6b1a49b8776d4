import type { NetworkToken, ResolvedNetwork } from '../network/network-types.js';

/** The network's token with this symbol or address (case-insensitive), or null. */
export function findToken(network: ResolvedNetwork, symbolOrAddress: string): NetworkToken | null {
  const want = symbolOrAddress.toLowerCase();
  return (
    network.tokens.find(
      (t) => t.symbol.toLowerCase() === want || t.address.toLowerCase() === want,
    ) ?? null
  );
}
