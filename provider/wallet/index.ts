// provider/wallet: where the signing key comes from — LEASEHOLD_PRIVATE_KEY, an encrypted keystore,
// or the devnet's public development wallet. Keys never leave this directory as text.
export {
  keystoreAddress,
  keystorePassword,
  openKeystore,
  walletFromKey,
  writeKeystore,
} from './keystore.js';
export type { PasswordSource } from './keystore.js';
export { loadSigner } from './load-signer.js';
export type { LoadedSigner, LoadSignerInput } from './load-signer.js';
export { keystorePath, resolveSigner } from './resolve-signer.js';
export type { ResolveSignerInput, SignerSource } from './resolve-signer.js';
export { runWallet } from './run-wallet.js';
