/**
 * Where the signing key comes from, as a pure decision: LEASEHOLD_PRIVATE_KEY >
 * a keystore (`--keystore` / LEASEHOLD_KEYSTORE / `$LEASEHOLD_HOME/wallets/default.json`) > on a
 * network with a development wallet (the devnet), that wallet.
 */
import { join } from 'node:path';
import { homedir } from 'node:os';

/** The decision. */
export type SignerSource =
  | { readonly kind: 'private-key'; readonly from: 'LEASEHOLD_PRIVATE_KEY' }
  | { readonly kind: 'keystore'; readonly path: string }
  | { readonly kind: 'dev-wallet' }
  | { readonly kind: 'none'; readonly keystore: string };

/** Inputs of {@link resolveSigner}. */
export interface ResolveSignerInput {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether the keystore file exists (the edge looks). */
  readonly exists: (path: string) => boolean;
  /** The network has a public development wallet. */
  readonly devWallet: boolean;
}

const set = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** The keystore path: LEASEHOLD_KEYSTORE, else `<home>/wallets/default.json`. */
export function keystorePath(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = env['LEASEHOLD_KEYSTORE'];
  if (set(explicit)) return explicit;
  const home = env['LEASEHOLD_HOME'];
  return join(set(home) ? home : join(homedir(), '.leasehold'), 'wallets', 'default.json');
}

/** Decides the signer source; `none` carries the keystore path for the message. */
export function resolveSigner(input: ResolveSignerInput): SignerSource {
  if (set(input.env['LEASEHOLD_PRIVATE_KEY'])) {
    return { kind: 'private-key', from: 'LEASEHOLD_PRIVATE_KEY' };
  }
  const path = keystorePath(input.env);
  // An explicitly named keystore is used even if missing, so the user hears about the bad path.
  if (input.exists(path) || set(input.env['LEASEHOLD_KEYSTORE'])) return { kind: 'keystore', path };
  if (input.devWallet) return { kind: 'dev-wallet' };
  return { kind: 'none', keystore: path };
}
