import type { SignerNeed, WalletSession } from '../provider-api.js';
import { passwordPrompt } from '../prompt-password.js';
import { loadProvider } from '../providers.js';

/** What the wallet and escrow commands take from their flags. */
export interface WalletSessionOptions {
  /** `--network`; the devnet when absent. */
  readonly network: string | undefined;
  /** `--keystore`, overriding LEASEHOLD_KEYSTORE. */
  readonly keystore: string | undefined;
  readonly signer: Exclude<SignerNeed, 'none'>;
}

/**
 * Opens the wallet's session on a network, runs `fn`, and always closes it. Progress lines (the
 * devnet starting) go to stderr so `--json` stdout stays clean; a keystore password is asked for
 * only on a terminal.
 */
export async function withWalletSession<T>(
  opts: WalletSessionOptions,
  fn: (session: WalletSession) => Promise<T>,
): Promise<T> {
  const provider = await loadProvider();
  const session = await provider.connectWallet({
    network: opts.network ?? { name: 'local' },
    signer: opts.signer,
    cwd: process.cwd(),
    env: opts.keystore ? { ...process.env, LEASEHOLD_KEYSTORE: opts.keystore } : process.env,
    log: (line) => process.stderr.write(`${line}\n`),
    promptPassword: passwordPrompt(),
  });
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
