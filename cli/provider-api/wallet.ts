/** Keystores, wallet balances and escrow: what `wallet` and `escrow` commands ask of the provider. */
/** `wallet create|import|address` (no chain access: keystores are local files). */
export interface WalletRequest {
  readonly operation: 'create' | 'import' | 'address';
  /** `--network` (address only: decides whether the devnet's development wallet applies). */
  readonly network?: string | undefined;
  /** `--keystore`; default LEASEHOLD_KEYSTORE, then `$LEASEHOLD_HOME/wallets/default.json`. */
  readonly keystore?: string | undefined;
  /** `import` only: the key, read by the command from stdin or LEASEHOLD_PRIVATE_KEY — never a flag. */
  readonly privateKey?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

export interface WalletResponse {
  /** Lowercase address. */
  readonly address: string;
  /** The keystore written or read, null when the key came from elsewhere. */
  readonly keystore: string | null;
  readonly source: 'private-key' | 'keystore' | 'dev-wallet';
}

/** An amount of one token: base units (decimal string) and whole tokens. */
export interface TokenAmountView {
  readonly symbol: string;
  readonly decimals: number;
  readonly base: string;
  readonly formatted: string;
}

export interface WalletBalanceResponse {
  readonly address: string;
  readonly network: string;
  /** Native currency (ETH) for gas. */
  readonly native: TokenAmountView;
  readonly tokens: readonly TokenAmountView[];
}

export interface EscrowBalanceView {
  readonly symbol: string;
  readonly locked: TokenAmountView;
  readonly unlocked: TokenAmountView;
}

export interface EscrowChangeResponse {
  readonly operation: 'deposit' | 'withdraw';
  readonly amount: TokenAmountView;
  readonly txHashes: readonly string[];
  /** The escrow after the change. */
  readonly balance: EscrowBalanceView;
}

/** A connection for `wallet balance` and `escrow …`: the wallet's funds on one network. */
export interface WalletSession {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Wallet address (lowercase). */
  readonly tenant: string;
  /** Native and token balances of the wallet. */
  walletBalance(): Promise<WalletBalanceResponse>;
  /** Escrow of the wallet in every token of the network. */
  escrowBalances(): Promise<readonly EscrowBalanceView[]>;
  /** `escrow deposit|withdraw AMOUNT --token SYM`: exact decimal whole tokens. */
  escrowChange(req: {
    readonly operation: 'deposit' | 'withdraw';
    readonly token: string;
    readonly amount: string;
  }): Promise<EscrowChangeResponse>;
  close(): Promise<void>;
}
