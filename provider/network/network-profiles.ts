/**
 * The built-in public networks (reference §1.2: the v2 testnet and the current mainnet, both on
 * Base). `local` is not here: its RPC and address book come from the running devnet.
 */
import type { AddressBook } from '../../wire/address-book.js';
import { DEFAULT_MANIFESTS_PER_PROVIDER } from './network-limits.js';
import type { NetworkLimits } from './network-limits.js';
import type { ProviderTlsPolicy } from './provider-tls-policy.js';

/** Canonical Multicall3 (same address on every EVM chain); the public books do not list it. */
export const CANONICAL_MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';

const ZERO = '0x0000000000000000000000000000000000000000';

/** A built-in profile: everything but the RPC override. */
export interface NetworkProfile {
  readonly name: string;
  readonly rpcUrl: string;
  readonly secondsPerBlock: number;
  readonly book: AddressBook;
  /** What the public RPC and the providers take (LEASEHOLD_RPC_RATE_LIMIT overrides the rate). */
  readonly limits: NetworkLimits;
  /** How providers are trusted over TLS (LEASEHOLD_PROVIDER_TLS overrides it). */
  readonly providerTls: ProviderTlsPolicy;
}

/**
 * Base's public RPC endpoints are rate limited and publish no figure: 10 requests a second is a
 * pace they sustain. A private RPC (LEASEHOLD_RPC_URL) lifts it; LEASEHOLD_RPC_RATE_LIMIT sets it.
 */
const PUBLIC_BASE_LIMITS: NetworkLimits = {
  rpcRequestsPerSecond: 10,
  manifestsPerProvider: DEFAULT_MANIFESTS_PER_PROVIDER,
};

/** uSPON (6 decimals) and SPON (18 decimals; fizz orders pay in it), SDK v2.6.0 addresses. */
const sponTokens = (uSpon: string, spon: string): AddressBook['tokens'] => [
  { symbol: 'uSPON', address: uSpon, decimals: 6 },
  { symbol: 'SPON', address: spon, decimals: 18 },
];

/** Base Sepolia, v2 testnet addresses. */
const TESTNET: NetworkProfile = {
  name: 'spheron-testnet',
  rpcUrl: 'https://sepolia.base.org',
  secondsPerBlock: 2,
  limits: PUBLIC_BASE_LIMITS,
  // Providers register their certificate on chain: pinning it is the strict and working default.
  providerTls: 'pin',
  book: {
    chainId: 84532,
    contracts: {
      TokenRegistry: '0x5227636cA07d665eeD8aE2df82A5412FD0CdA27A',
      EscrowUser: '0x52d2Fb9B4Ad2A9Db97FB967e0d742Ce004345F48',
      ProviderRegistry: '0xB3D1e7166cC84de56740acb783f711E4cA26a756',
      OrderRequest: '0xC15A83600fAF1eDBCF72e76584CD92111523cc1E',
      Bid: '0x87314967BaD22AAA7d4FB2bb149a6C57380535a3',
      ComputeLease: '0x86F24B4C3BF800E295926B261532CEa44788DEc8',
      Multicall3: CANONICAL_MULTICALL3,
    },
    tokens: sponTokens(
      '0xeD8F325cDc2BA7567395cb451A2ea8FAf40E23D2',
      '0x76e593392523243ACD38ceD87c2007F14483a86B',
    ),
    // Matching is run by Spheron on public networks; clients never need the matcher's address.
    matcher: ZERO,
    deployBlock: 0,
  },
};

/** Base mainnet (chain 8453). */
const MAINNET: NetworkProfile = {
  name: 'spheron-mainnet',
  rpcUrl: 'https://mainnet.base.org',
  secondsPerBlock: 2,
  limits: PUBLIC_BASE_LIMITS,
  // Providers register their certificate on chain: pinning it is the strict and working default.
  providerTls: 'pin',
  book: {
    chainId: 8453,
    contracts: {
      TokenRegistry: '0xDCD3eeE9f5Fb828C4EaE14B8Fe2382c0dDD6de01',
      EscrowUser: '0x67Ad502B202Ac602C215B2Ba28689a71d03F9Ba4',
      ProviderRegistry: '0x79c892AE9D910bBeb81705960BA01706Bb2Af02e',
      OrderRequest: '0xC1A0AF3224465c2a5099C14c5A1A4f6680C30A86',
      Bid: '0x1582D6f9A7098B112dC76dd55a98d11d95f4702A',
      ComputeLease: '0x8A9f22D855bBE978C0D47De0963a3B15022E8ce0',
      Multicall3: CANONICAL_MULTICALL3,
    },
    tokens: sponTokens(
      '0xBf0fA0461331d815A103e59929E5a19A48C30f5e',
      '0x080D43c2164AFdBc3712422CE78Ab902ccaB5CA1',
    ),
    matcher: ZERO,
    deployBlock: 0,
  },
};

/** Built-in public profiles by name. */
export const NETWORK_PROFILES: ReadonlyMap<string, NetworkProfile> = new Map([
  [TESTNET.name, TESTNET],
  [MAINNET.name, MAINNET],
]);

/** Every name `--network` accepts without a custom definition. */
export const KNOWN_NETWORKS: readonly string[] = ['local', TESTNET.name, MAINNET.name];
