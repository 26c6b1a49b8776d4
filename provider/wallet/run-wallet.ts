/** `wallet create|import|address`: keystore files and the address, with no chain access. */
import { existsSync } from 'node:fs';
import { Wallet } from 'ethers';
import { LeaseholdError } from '../../cli/diag/index.js';
import type { WalletRequest, WalletResponse } from '../../cli/provider-api.js';
import { DEV_WALLET } from '../../wire/dev-accounts.js';
import { resolveNetwork } from '../network/resolve-network.js';
import { keystoreAddress, keystorePassword, walletFromKey, writeKeystore } from './keystore.js';
import { keystorePath, resolveSigner } from './resolve-signer.js';
import { noWallet } from './wallet-errors.js';

/** Runs one wallet operation; throws LeaseholdError (`wallet/*`, `network/*`). */
export async function runWallet(req: WalletRequest): Promise<WalletResponse> {
  const env =
    req.keystore === undefined ? req.env : { ...req.env, LEASEHOLD_KEYSTORE: req.keystore };
  if (req.operation === 'address') return walletAddress(req, env);
  const path = keystorePath(env);
  const wallet =
    req.operation === 'create'
      ? Wallet.createRandom()
      : walletFromKey(req.privateKey ?? '', 'stdin or LEASEHOLD_PRIVATE_KEY');
  const password = await newPassword(req, path);
  await writeKeystore(path, wallet, password);
  return { address: wallet.address.toLowerCase(), keystore: path, source: 'keystore' };
}

async function newPassword(req: WalletRequest, path: string): Promise<string> {
  const first = await keystorePassword(req, path, `New password for ${path}: `);
  if (req.env['LEASEHOLD_KEYSTORE_PASSWORD'] || req.promptPassword === undefined) return first;
  const again = await req.promptPassword('Repeat the password: ');
  if (again !== first) {
    throw new LeaseholdError({
      code: 'wallet/password-mismatch',
      summary: 'Passwords do not match',
      detail: 'The password and its repetition differ; no keystore was written.',
      hint: 'Run the command again and type the same password twice.',
    });
  }
  return first;
}

function walletAddress(
  req: WalletRequest,
  env: Readonly<Record<string, string | undefined>>,
): WalletResponse {
  const choice = resolveNetwork({ flag: req.network, env });
  const devWallet = choice.kind === 'local';
  const src = resolveSigner({ env, exists: existsSync, devWallet });
  switch (src.kind) {
    case 'private-key': {
      const w = walletFromKey(env['LEASEHOLD_PRIVATE_KEY'] ?? '', src.from);
      return { address: w.address.toLowerCase(), keystore: null, source: 'private-key' };
    }
    case 'keystore':
      return { address: keystoreAddress(src.path), keystore: src.path, source: 'keystore' };
    case 'dev-wallet':
      return { address: DEV_WALLET.address.toLowerCase(), keystore: null, source: 'dev-wallet' };
    case 'none':
      throw noWallet(
        src.keystore,
        choice.kind === 'ready'
          ? choice.network.name
          : choice.kind === 'custom'
            ? choice.name
            : 'local',
      );
  }
}
