import { registerSecret } from '../diag/index.js';
import type { ModelView } from '../provider-api.js';
import { secretHmacs } from '../state/secret-hmac.js';
import { secretEnvNames } from './read-apply-secrets.js';

/** Options of {@link readSecretHmacs}. */
export interface ReadSecretHmacsInput {
  /** The state's `secretSalt`; undefined for a state never applied (no lease has HMACs then). */
  readonly salt: string | undefined;
  /** The desired model; null under `--destroy`. */
  readonly model: ModelView | null;
  /** Where the values are; undefined when secrets are not to be compared (the autoscaler). */
  readonly env: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Plan's side of secret rotation: the HMAC of the value each secret variable of the model holds
 * now, by variable name. A variable that is not set is left out (apply refuses it anyway), so it
 * never plans a change. Undefined when there is nothing to compare with. Values read are
 * registered as known secrets, so redact() masks them.
 */
export function readSecretHmacs(
  input: ReadSecretHmacsInput,
): ReadonlyMap<string, string> | undefined {
  if (input.env === undefined || input.salt === undefined || input.model === null) return undefined;
  const names = new Set<string>();
  for (const r of input.model.resources) secretEnvNames(r.attributes, names);
  const values = new Map<string, string>();
  for (const name of [...names].sort()) {
    const value = input.env[name];
    if (value === undefined) continue;
    registerSecret(value);
    values.set(name, value);
  }
  return secretHmacs(input.salt, values);
}
