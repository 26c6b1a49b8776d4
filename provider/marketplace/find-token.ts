import type { NetworkToken, ResolvedNetwork } from '../network/network-types.js';
import { MarketplaceError } from './marketplace-error.js';

/** The network's token with this symbol (case-insensitive) or address; throws `marketplace/unknown-token`. */
export function findToken(network: ResolvedNetwork, symbolOrAddress: string): NetworkToken {
  const want = symbolOrAddress.toLowerCase();
  const hit = network.tokens.find(
    (t) => t.symbol.toLowerCase() === want || t.address.toLowerCase() === want,
  );
  if (hit !== undefined) return hit;
  const known = network.tokens.map((t) => t.symbol).join(', ') || 'none';
  throw new MarketplaceError({
    code: 'marketplace/unknown-token',
    summary: 'Token not on this network',
    detail: `Token "${symbolOrAddress}" is not a payment token of network "${network.name}" (known: ${known}).`,
    hint: `Use one of: ${known}.`,
  });
}
