/**
 * Payment tokens an ICL `token:` may name, with their decimals. The SDK's list (USDT, USDC, DAI,
 * WETH, CST) plus mainnet's uSPON and SPON. An unknown symbol is an error here — 1.3.5 silently turns it
 * into USDT, and a price in the wrong token is a price off by up to 10^12.
 * TODO(spec pipeline): switch to provider/spec/known-tokens.ts once it lands.
 */

/** A token symbol and its decimals. */
export interface IclToken {
  readonly symbol: string;
  readonly decimals: number;
}

const TOKENS: readonly IclToken[] = [
  { symbol: 'USDT', decimals: 6 },
  { symbol: 'USDC', decimals: 6 },
  { symbol: 'DAI', decimals: 18 },
  { symbol: 'WETH', decimals: 18 },
  { symbol: 'CST', decimals: 6 },
  { symbol: 'uSPON', decimals: 6 },
  // SPON is an 18-decimal token (mainnet 0x080D…5CA1); the SDK's own ICL example prices in it.
  { symbol: 'SPON', decimals: 18 },
];

/** The token with this symbol (case-insensitive), in its canonical spelling. */
export function findIclToken(symbol: string): IclToken | undefined {
  const s = symbol.toLowerCase();
  return TOKENS.find((t) => t.symbol.toLowerCase() === s);
}

/** Every symbol, for messages. */
export function iclTokenSymbols(): readonly string[] {
  return TOKENS.map((t) => t.symbol);
}
