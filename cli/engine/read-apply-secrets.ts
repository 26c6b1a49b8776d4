import { errorDiag, registerSecret } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Change } from '../plan/plan-types.js';

/** The secret values apply needs, or the diagnostics naming the variables that are missing. */
export interface ReadApplySecretsResult {
  readonly secrets: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Environment variable names that a change's `after` reads secrets from. The core does not know
 * the provider's attributes; it only follows the convention every secret reference keeps: a
 * `fromEnv` field, or a field whose name ends in `FromEnv` (registry passwords).
 */
export function secretEnvNames(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) secretEnvNames(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'fromEnv' || k.endsWith('FromEnv')) && typeof v === 'string') into.add(v);
      else secretEnvNames(v, into);
    }
  }
  return into;
}

/**
 * Reads the secrets of every change that sends a manifest (creates, updates, replacements) from
 * the environment, before anything is sent; a variable that is not set is `apply/missing-secret`.
 * The values go only into the returned map, never into a diagnostic, and are registered as known
 * secrets so that redact() masks them in any text.
 */
export function readApplySecrets(
  changes: readonly Change[],
  env: Readonly<Record<string, string | undefined>>,
): ReadApplySecretsResult {
  const secrets = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const change of changes) {
    if (change.action === 'no-op' || change.action === 'delete' || change.action === 'read')
      continue;
    for (const name of [...secretEnvNames(change.after)].sort()) {
      const value = env[name];
      if (value !== undefined) {
        registerSecret(value);
        secrets.set(name, value);
      } else if (!reported.has(name)) {
        reported.add(name);
        diagnostics.push(
          errorDiag({
            code: 'apply/missing-secret',
            summary: 'Secret environment variable is not set',
            detail: `${change.address} reads a secret from the environment variable ${name}, which is not set. Nothing was sent.`,
            hint: `Export ${name} before running apply.`,
            address: change.address,
          }),
        );
      }
    }
  }
  return { secrets, diagnostics };
}
