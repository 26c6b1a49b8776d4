/**
 * A network the marketplace client talks to: an RPC URL, an address book and a token list. Code
 * downstream of resolution never branches on the name (DESIGN §1): it is for messages and state.
 */
import type { BlockTimeSource } from '../../cli/plan/plan-types.js';
import type { AddressBook } from '../../wire/address-book.js';
import type { NetworkLimits } from './network-limits.js';
import type { ProviderTlsPolicy } from './provider-tls-policy.js';

/** A payment token of a network. */
export interface NetworkToken {
  readonly symbol: string;
  /** Checksummed or lowercase ERC-20 address. */
  readonly address: string;
  /** Base-unit digits (6 for USDT and uSPON). */
  readonly decimals: number;
}

/** A fully resolved network: everything the marketplace client needs, nothing it must look up. */
export interface ResolvedNetwork {
  /** `local`, `spheron-testnet`, `spheron-mainnet` or a custom name. */
  readonly name: string;
  readonly chainId: number;
  /** JSON-RPC over HTTP(S); `LEASEHOLD_RPC_URL` already applied. */
  readonly rpcUrl: string;
  readonly book: AddressBook;
  /**
   * Seconds per block (local: the devnet's block time, default 1; Base networks: 2; custom: see
   * decide-block-time.ts). May be fractional (0.5).
   */
  readonly secondsPerBlock: number;
  /** Where `secondsPerBlock` came from, for `plan` to show. */
  readonly blockTimeSource: BlockTimeSource;
  /** Same list as `book.tokens`, for callers that need only the tokens. */
  readonly tokens: readonly NetworkToken[];
  /**
   * True when this network has a public development wallet (the devnet's anvil account 0) that
   * the signer falls back to; never true for a real chain.
   */
  readonly devWallet: boolean;
  /**
   * What its endpoints take (RPC rate, manifests per provider), as its profile declares and the
   * environment overrides (network-limits.ts); absent: nothing declared.
   */
  readonly limits?: NetworkLimits | undefined;
  /**
   * How providers are trusted over TLS, as the profile declares it and LEASEHOLD_PROVIDER_TLS
   * overrides (provider-tls-policy.ts); absent: `pin`.
   */
  readonly providerTls?: ProviderTlsPolicy | undefined;
}

/** What the local devnet tells a client about itself (the devnet's `DevnetInfo`, narrowed). */
export interface LocalDevnetInfo {
  readonly rpcUrl: string;
  /** Seconds per block; null = automine. */
  readonly blockTime: number | null;
  readonly addressBook: AddressBook;
}

/**
 * Finds the running local devnet, starting it when none runs. The core injects it (cli/providers.ts
 * loads devnet/ lazily), so provider/ never imports devnet/.
 */
export type LocalDevnet = (opts: {
  readonly home?: string | undefined;
  readonly log: (line: string) => void;
}) => Promise<LocalDevnetInfo>;
