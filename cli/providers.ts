/**
 * The only core file that loads provider/ (STYLE §1), lazily, so commands that never touch a
 * stack (`--help`) never pay for yaml, ajv, cdktf or ethers.
 */
import { loadDevnet } from './devnet.js';
import type { Provider } from './provider-api.js';

let cached: Promise<Provider> | undefined;

/** The Spheron provider, loaded on first use. */
export function loadProvider(): Promise<Provider> {
  // provider/ never imports devnet/: the `local` network's devnet is handed in from here.
  cached ??= import('../provider/index.js').then((m) =>
    m.createProvider({ localDevnet: async (opts) => (await loadDevnet()).ensureDevnet(opts) }),
  );
  return cached;
}
