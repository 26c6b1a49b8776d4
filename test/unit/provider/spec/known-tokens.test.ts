import { describe, expect, it } from '@jest/globals';
import { findToken, knownTokens } from '../../../../provider/spec/known-tokens.js';

describe('knownTokens', () => {
  it('GIVEN the devnet WHEN its tokens are listed THEN USDT, USDC and uSPON have 6 decimals', () => {
    expect(knownTokens('local')).toEqual([
      { symbol: 'USDT', decimals: 6 },
      { symbol: 'USDC', decimals: 6 },
      { symbol: 'uSPON', decimals: 6 },
    ]);
  });

  it('GIVEN Spheron testnet and mainnet THEN uSPON (6 decimals) and SPON (18) are the tokens', () => {
    const both = [
      { symbol: 'uSPON', decimals: 6 },
      { symbol: 'SPON', decimals: 18 },
    ];
    expect(knownTokens('spheron-testnet')).toEqual(both);
    expect(knownTokens('spheron-mainnet')).toEqual(both);
  });

  it('GIVEN an unknown network or a prototype key THEN there are no known tokens', () => {
    expect(knownTokens('moon')).toBeUndefined();
    expect(knownTokens('toString')).toBeUndefined();
  });

  it('GIVEN an unknown symbol WHEN looked up THEN there is no fallback to USDT (the SDK bug)', () => {
    const local = knownTokens('local') ?? [];
    expect(findToken(local, 'DAI')).toBeUndefined();
    expect(findToken(local, 'usdt')).toBeUndefined();
    expect(findToken(local, 'USDC')).toEqual({ symbol: 'USDC', decimals: 6 });
  });
});
