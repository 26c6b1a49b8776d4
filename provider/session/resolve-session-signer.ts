/** The wallet of a session, as much of it as the command needs (`none`, `address`, `sign`). */
import { existsSync } from 'node:fs';
import type { HDNodeWallet, Wallet } from 'ethers';
import type { LeaseholdError } from '../../cli/diag/index.js';
import type { SignerNeed } from '../../cli/provider-api.js';
import type { MessageSigner } from '../../wire/auth-token.js';
import { keystoreAddress } from '../wallet/keystore.js';
import { loadSigner } from '../wallet/load-signer.js';
import { resolveSigner } from '../wallet/resolve-signer.js';
import { noWallet } from '../wallet/wallet-errors.js';
import { lazyMessageSigner } from './lazy-message-signer.js';

/** Inputs of {@link resolveSessionSigner}. */
export interface ResolveSessionSignerInput {
  readonly need: SignerNeed;
  /** The chosen network, before any I/O: whether it has a dev wallet, and its name for messages. */
  readonly network: { readonly name: string; readonly devWallet: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

/** What a session holds of its wallet. */
export interface SessionSigner {
  /** Lowercase, null when there is no wallet (or none was asked for). */
  readonly address: string | null;
  /** The decrypted wallet when `sign` was asked (or the key needed no password), else null. */
  readonly wallet: Wallet | HDNodeWallet | null;
  /** Signs Auth-Spheron tokens, decrypting a keystore on first use. */
  readonly messageSigner: MessageSigner;
  /** The error to throw when an operation needs a wallet this session lacks. */
  missing(): LeaseholdError;
}

/**
 * `sign` decrypts now (so a wrong password fails before any work); `address` reads a keystore's
 * address without its password and decrypts only if a provider token is needed later.
 */
export async function resolveSessionSigner(
  input: ResolveSessionSignerInput,
): Promise<SessionSigner> {
  const { network, env } = input;
  const src = resolveSigner({ env, exists: existsSync, devWallet: network.devWallet });
  const missing = (): LeaseholdError =>
    noWallet(src.kind === 'none' ? src.keystore : 'the keystore', network.name);
  const load = () =>
    loadSigner({
      env,
      promptPassword: input.promptPassword,
      devWallet: network.devWallet,
      networkName: network.name,
    });
  const noSigner: MessageSigner = {
    signMessage: () => Promise.reject(missing()),
  };
  if (input.need === 'none' || (src.kind === 'none' && input.need === 'address')) {
    return { address: null, wallet: null, messageSigner: noSigner, missing };
  }
  if (input.need === 'address' && src.kind === 'keystore') {
    return {
      address: keystoreAddress(src.path),
      wallet: null,
      messageSigner: lazyMessageSigner(async () => (await load()).wallet),
      missing,
    };
  }
  const { wallet } = await load();
  return { address: wallet.address.toLowerCase(), wallet, messageSigner: wallet, missing };
}
