/**
 * The only core file that loads provider/ (STYLE §1), lazily, so commands that never touch a
 * stack (`--help`) never pay for yaml, ajv, cdktf or ethers.
 */
import type { Provider } from './provider-api.js';

let cached: Promise<Provider> | undefined;

/** The Spheron provider, loaded on first use. */
export function loadProvider(): Promise<Provider> {
  cached ??= import('../provider/index.js').then((m) => m.createProvider());
  return cached;
}
