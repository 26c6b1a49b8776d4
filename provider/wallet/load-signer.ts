/** The I/O edge of signer resolution: reads the env key, decrypts the keystore, or takes the dev wallet. */
import { existsSync } from 'node:fs';
import { Wallet } from 'ethers';
import type { HDNodeWallet } from 'ethers';
import { DEV_WALLET } from '../../wire/dev-accounts.js';
import { openKeystore, walletFromKey } from './keystore.js';
import type { PasswordSource } from './keystore.js';
import { resolveSigner } from './resolve-signer.js';
import type { SignerSource } from './resolve-signer.js';
import { noWallet } from './wallet-errors.js';

/** Inputs of {@link loadSigner}. */
export interface LoadSignerInput extends PasswordSource {
  readonly devWallet: boolean;
  /** For the no-wallet message. */
  readonly networkName: string;
}

/** A signer and where it came from (never the key itself). */
export interface LoadedSigner {
  readonly wallet: Wallet | HDNodeWallet;
  readonly source: Exclude<SignerSource['kind'], 'none'>;
}

/** Loads the wallet; throws `wallet/no-wallet`, `wallet/password-required` or `wallet/wrong-password`. */
export async function loadSigner(input: LoadSignerInput): Promise<LoadedSigner> {
  const src = resolveSigner({ env: input.env, exists: existsSync, devWallet: input.devWallet });
  switch (src.kind) {
    case 'private-key':
      return {
        wallet: walletFromKey(input.env['LEASEHOLD_PRIVATE_KEY'] ?? '', src.from),
        source: src.kind,
      };
    case 'keystore':
      return { wallet: await openKeystore(src.path, input), source: src.kind };
    case 'dev-wallet':
      return { wallet: new Wallet(DEV_WALLET.privateKey), source: src.kind };
    case 'none':
      throw noWallet(src.keystore, input.networkName);
  }
}
