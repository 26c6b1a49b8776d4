import { describe, expect, it } from '@jest/globals';
import type { LeaseholdError } from '../../../../cli/diag/index.js';
import { resolveNetwork } from '../../../../provider/network/resolve-network.js';
import { parseAddressBook } from '../../../../provider/network/parse-address-book.js';

const custom = {
  name: 'my-chain',
  rpcUrl: 'http://127.0.0.1:9999',
  chainId: 31337,
  addressBook: '/x/book.json',
};

describe('resolveNetwork', () => {
  it('GIVEN nothing WHEN resolved THEN it is local', () => {
    expect(resolveNetwork({ env: {} })).toEqual({ kind: 'local', rpcOverride: null });
  });

  it('GIVEN flag, env and spec WHEN resolved THEN the flag wins, then LEASEHOLD_NETWORK, then the spec', () => {
    const env = { LEASEHOLD_NETWORK: 'spheron-testnet' };
    const spec = { name: 'spheron-mainnet' };
    const name = (r: ReturnType<typeof resolveNetwork>): string =>
      r.kind === 'ready' ? r.network.name : r.kind === 'custom' ? r.name : 'local';
    expect(name(resolveNetwork({ flag: 'local', env, spec }))).toBe('local');
    expect(name(resolveNetwork({ env, spec }))).toBe('spheron-testnet');
    expect(name(resolveNetwork({ env: {}, spec }))).toBe('spheron-mainnet');
  });

  it('GIVEN spheron-mainnet WHEN resolved THEN Base 8453 with uSPON, SPON and the canonical Multicall3', () => {
    const r = resolveNetwork({ flag: 'spheron-mainnet', env: {} });
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    expect(r.network).toMatchObject({
      chainId: 8453,
      rpcUrl: 'https://mainnet.base.org',
      secondsPerBlock: 2,
      devWallet: false,
    });
    expect(r.network.tokens).toEqual([
      { symbol: 'uSPON', address: '0xBf0fA0461331d815A103e59929E5a19A48C30f5e', decimals: 6 },
      { symbol: 'SPON', address: '0x080D43c2164AFdBc3712422CE78Ab902ccaB5CA1', decimals: 18 },
    ]);
    expect(r.network.book.contracts.Multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
  });

  it('GIVEN LEASEHOLD_RPC_URL WHEN resolved THEN it overrides any profile RPC, local included', () => {
    const env = { LEASEHOLD_RPC_URL: 'http://127.0.0.1:1234' };
    const r = resolveNetwork({ flag: 'spheron-testnet', env });
    expect(r.kind === 'ready' && r.network.rpcUrl).toBe('http://127.0.0.1:1234');
    expect(resolveNetwork({ env })).toEqual({
      kind: 'local',
      rpcOverride: 'http://127.0.0.1:1234',
    });
    expect(resolveNetwork({ env, spec: custom })).toMatchObject({
      kind: 'custom',
      rpcUrl: 'http://127.0.0.1:1234',
    });
  });

  it('GIVEN an unknown name WHEN resolved THEN network/unknown lists the known ones and says where the name came from', () => {
    expect(() => resolveNetwork({ flag: 'moon', env: {} })).toThrow(
      expect.objectContaining({
        code: 'network/unknown',
        detail: expect.stringMatching(
          /"moon" \(from --network\).*local, spheron-testnet, spheron-mainnet/,
        ),
      }),
    );
  });

  it('GIVEN a misspelled --network WHEN resolved THEN network/unknown suggests the closest known name', () => {
    expect(() => resolveNetwork({ flag: 'spheron-tesnet', env: {} })).toThrow(
      expect.objectContaining({ code: 'network/unknown', hint: 'Did you mean "spheron-testnet"?' }),
    );
  });

  it('GIVEN a custom network in the spec WHEN resolved THEN its rpc, chain id and book path are used', () => {
    expect(resolveNetwork({ env: {}, spec: custom })).toEqual({
      kind: 'custom',
      ...custom,
      rpcUrlVariable: null,
    });
  });

  const fromEnv = { ...custom, rpcUrl: { fromEnv: 'MY_CHAIN_RPC' }, blockTime: 12_000 };
  const URL_WITH_KEY = 'https://node.example/v2/api-key-7c1d';

  it('GIVEN rpcUrl fromEnv and the variable set WHEN resolved THEN the URL is read from it, named by the variable', () => {
    expect(resolveNetwork({ env: { MY_CHAIN_RPC: URL_WITH_KEY }, spec: fromEnv })).toEqual({
      kind: 'custom',
      name: 'my-chain',
      rpcUrl: URL_WITH_KEY,
      rpcUrlVariable: 'MY_CHAIN_RPC',
      chainId: 31337,
      addressBook: '/x/book.json',
      blockTime: 12_000,
    });
  });

  it('GIVEN rpcUrl fromEnv and the variable unset or empty WHEN resolved THEN network/rpc-url-unset names the variable', () => {
    for (const env of [{}, { MY_CHAIN_RPC: '  ' }]) {
      expect(() => resolveNetwork({ env, spec: fromEnv })).toThrow(
        expect.objectContaining({
          code: 'network/rpc-url-unset',
          detail: expect.stringContaining('MY_CHAIN_RPC'),
          hint: expect.stringContaining('MY_CHAIN_RPC'),
        }),
      );
    }
  });

  it('GIVEN rpcUrl fromEnv holding no URL WHEN resolved THEN network/rpc-url-invalid, without the value', () => {
    let thrown: unknown;
    try {
      resolveNetwork({ env: { MY_CHAIN_RPC: 'not-a-url-secret' }, spec: fromEnv });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({ code: 'network/rpc-url-invalid' });
    expect(JSON.stringify((thrown as LeaseholdError).toDiagnostics())).not.toContain(
      'not-a-url-secret',
    );
  });

  it('GIVEN rpcUrl fromEnv unset but LEASEHOLD_RPC_URL set WHEN resolved THEN the override is used', () => {
    expect(
      resolveNetwork({ env: { LEASEHOLD_RPC_URL: 'http://127.0.0.1:1234' }, spec: fromEnv }),
    ).toMatchObject({ rpcUrl: 'http://127.0.0.1:1234', rpcUrlVariable: 'LEASEHOLD_RPC_URL' });
  });

  it('GIVEN a built-in profile WHEN resolved THEN its block time is marked as the profile one', () => {
    const r = resolveNetwork({ flag: 'spheron-testnet', env: {} });
    expect(r.kind === 'ready' && r.network.blockTimeSource).toBe('profile');
  });

  it('GIVEN a custom network lacking chainId WHEN resolved THEN network/incomplete names the field', () => {
    expect(() =>
      resolveNetwork({ env: {}, spec: { name: 'x', rpcUrl: 'http://a', addressBook: '/b' } }),
    ).toThrow(
      expect.objectContaining({
        code: 'network/incomplete',
        detail: expect.stringContaining('chainId'),
      }),
    );
  });
});

describe('parseAddressBook', () => {
  const a = (n: number): string => `0x${String(n).padStart(40, '0')}`;
  const book = {
    chainId: 31337,
    contracts: {
      TokenRegistry: a(1),
      EscrowUser: a(2),
      ProviderRegistry: a(3),
      OrderRequest: a(4),
      Bid: a(5),
      ComputeLease: a(6),
    },
    tokens: [{ symbol: 'USDT', address: a(7), decimals: 6 }],
  };

  it('GIVEN a book without Multicall3 WHEN parsed THEN the canonical one is filled in', () => {
    const parsed = parseAddressBook(JSON.stringify(book), { file: 'b.json', chainId: 31337 });
    expect(parsed.book.contracts.Multicall3).toBe('0xcA11bde05977b3631167028862bE2a173976CA11');
    expect(parsed.book.tokens).toEqual(book.tokens);
    expect(parsed.blockTime).toBeUndefined();
  });

  it.each([
    ['12s', 12_000],
    [2, 2_000],
    ['250ms', 250],
  ])('GIVEN a book with blockTime %p WHEN parsed THEN %i ms', (blockTime, ms) => {
    const text = JSON.stringify({ ...book, blockTime });
    expect(parseAddressBook(text, { file: 'b.json', chainId: 31337 }).blockTime).toBe(ms);
  });

  it('GIVEN a book with a bad blockTime WHEN parsed THEN network/address-book-invalid names it', () => {
    const text = JSON.stringify({ ...book, blockTime: '0s' });
    expect(() => parseAddressBook(text, { file: 'b.json', chainId: 31337 })).toThrow(
      expect.objectContaining({
        code: 'network/address-book-invalid',
        detail: expect.stringContaining('blockTime "0s"'),
      }),
    );
  });

  it('GIVEN a book of another chain WHEN parsed THEN network/chain-id-mismatch', () => {
    expect(() => parseAddressBook(JSON.stringify(book), { file: 'b.json', chainId: 1 })).toThrow(
      expect.objectContaining({ code: 'network/chain-id-mismatch' }),
    );
  });

  it('GIVEN a book with a bad address and no tokens WHEN parsed THEN every problem is listed', () => {
    const bad = { ...book, contracts: { ...book.contracts, Bid: '0x12' }, tokens: [] };
    expect(() => parseAddressBook(JSON.stringify(bad), { file: 'b.json', chainId: 31337 })).toThrow(
      expect.objectContaining({
        code: 'network/address-book-invalid',
        detail: expect.stringMatching(/contracts\.Bid.*tokens lists no token/),
      }),
    );
  });
});
