/** The entry point the core calls: load, convert, scaffold, connect and wallet. */
import type { ConnectRequest, ProviderSession } from './session.js';
import type {
  ConvertRequest,
  ConvertResponse,
  LoadStackRequest,
  LoadStackResponse,
  ScaffoldRequest,
  ScaffoldResponse,
} from './stack.js';
import type { WalletRequest, WalletResponse, WalletSession } from './wallet.js';

/** What the core asks of a provider. Each method reports problems as diagnostics. */
export interface Provider {
  loadStack(req: LoadStackRequest): Promise<LoadStackResponse>;
  convert(req: ConvertRequest): Promise<ConvertResponse>;
  scaffold(req: ScaffoldRequest): Promise<ScaffoldResponse>;
  /** Connects to a network (starting the devnet for `local`); throws LeaseholdError on failure. */
  connect(req: ConnectRequest): Promise<ProviderSession>;
  /** Keystore operations and the wallet address, without touching a chain. */
  wallet(req: WalletRequest): Promise<WalletResponse>;
  /** Connects a wallet (`req.signer` is `sign` or `address`) for balance and escrow commands. */
  connectWallet(req: ConnectRequest): Promise<WalletSession>;
}
