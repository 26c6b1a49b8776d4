// provider/: everything that knows the Spheron marketplace and the stack language — constructs,
// spec loading and validation, conversion, resource types, the marketplace client, health and
// scaling. Must not import cli/ beyond cli/diag and the types of cli/provider-api.ts.
import type { Provider } from '../cli/provider-api.js';
import { convertFile } from './convert/convert-file.js';
import { scaffoldProject } from './spec/scaffold-project.js';
import { loadStack } from './spec/load-stack.js';
import type { LocalDevnet } from './network/network-types.js';

/** What the core injects into the provider. */
export interface ProviderDeps {
  /** Finds or starts the embedded devnet for the `local` network (provider/ never imports devnet/). */
  readonly localDevnet?: LocalDevnet | undefined;
}

/** The provider the core drives. */
export function createProvider(deps: ProviderDeps = {}): Provider {
  return {
    loadStack,
    convert: convertFile,
    scaffold: scaffoldProject,
    // Lazy: ethers and the marketplace client load only for commands that touch a network.
    connect: async (req) =>
      (await import('./session/connect-session.js')).connectSession(req, deps),
    wallet: async (req) => (await import('./wallet/run-wallet.js')).runWallet(req),
    connectWallet: async (req) =>
      (await import('./session/connect-wallet-session.js')).connectWalletSession(req, deps),
  };
}
