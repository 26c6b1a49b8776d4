/**
 * Payment tokens of the networks Leasehold knows by name. Custom networks list theirs in the
 * address book (`tokens: [{ symbol, decimals, address }]`), which the loader reads.
 */

/** A payment token as the normalizer needs it: its symbol and its decimals. */
export interface TokenInfo {
  readonly symbol: string;
  readonly decimals: number;
}

/** Tokens per named network. `local` is the devnet, whose tokens mirror the testnet's stablecoins. */
export const KNOWN_TOKENS: Readonly<Record<string, readonly TokenInfo[]>> = {
  local: [
    { symbol: 'USDT', decimals: 6 },
    { symbol: 'USDC', decimals: 6 },
    { symbol: 'uSPON', decimals: 6 },
  ],
  'spheron-testnet': [
    { symbol: 'uSPON', decimals: 6 },
    { symbol: 'SPON', decimals: 18 },
  ],
  'spheron-mainnet': [
    { symbol: 'uSPON', decimals: 6 },
    { symbol: 'SPON', decimals: 18 },
  ],
};

/** The tokens of a named network, or undefined for a name Leasehold does not know. */
export function knownTokens(network: string): readonly TokenInfo[] | undefined {
  return Object.hasOwn(KNOWN_TOKENS, network) ? KNOWN_TOKENS[network] : undefined;
}

/**
 * Finds a token by exact symbol. There is no fallback: an unknown symbol is the caller's error to
 * report (the official SDK silently pays in USDT instead).
 */
export function findToken(tokens: readonly TokenInfo[], symbol: string): TokenInfo | undefined {
  return tokens.find((t) => t.symbol === symbol);
}
