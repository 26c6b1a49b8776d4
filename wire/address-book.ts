/** Where the marketplace lives on one chain: switching networks means switching this book. */
export interface AddressBook {
  readonly chainId: number;
  readonly contracts: {
    readonly TokenRegistry: string;
    readonly EscrowUser: string;
    readonly ProviderRegistry: string;
    readonly OrderRequest: string;
    readonly Bid: string;
    readonly ComputeLease: string;
    readonly Multicall3: string;
  };
  /** Payment tokens (ERC-20), all with `decimals` base-unit digits (6 on the devnet). */
  readonly tokens: readonly {
    readonly symbol: string;
    readonly address: string;
    readonly decimals: number;
  }[];
  /** The account holding the matcher role on Bid. */
  readonly matcher: string;
  /** Block of the first deployment transaction: log scans start here. */
  readonly deployBlock: number;
}

/** Names of the contracts an address book lists, in deployment order. */
export const BOOK_CONTRACTS = [
  'TokenRegistry',
  'EscrowUser',
  'ProviderRegistry',
  'OrderRequest',
  'ComputeLease',
  'Bid',
  'Multicall3',
] as const;

/** One of the contracts an address book lists. */
export type BookContract = (typeof BOOK_CONTRACTS)[number];
