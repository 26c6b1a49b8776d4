import { warningDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Change } from '../plan/plan-types.js';
import { secretEnvNames } from './read-apply-secrets.js';

/**
 * Plan's early word on secrets (pure): each variable a manifest-sending change reads that is not
 * set (`plan/missing-secret`: apply will refuse it) or set but empty (`plan/empty-secret`: apply
 * would send an empty value). One warning per variable; values never enter a diagnostic.
 */
export function checkPlanSecrets(
  changes: readonly Change[],
  env: Readonly<Record<string, string | undefined>>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    if (change.action === 'no-op' || change.action === 'delete' || change.action === 'read')
      continue;
    for (const name of [...secretEnvNames(change.after)].sort()) {
      if (seen.has(name)) continue;
      seen.add(name);
      const value = env[name];
      if (value === undefined) out.push(missing(change.address, name));
      else if (value.trim() === '') out.push(empty(change.address, name));
    }
  }
  return out;
}

function missing(address: string, name: string): Diagnostic {
  return warningDiag({
    code: 'plan/missing-secret',
    summary: 'Secret environment variable is not set',
    detail: `${address} reads a secret from the environment variable ${name}, which is not set; apply will refuse to run without it.`,
    hint: `Export ${name} before running apply.`,
    address,
  });
}

function empty(address: string, name: string): Diagnostic {
  return warningDiag({
    code: 'plan/empty-secret',
    summary: 'Secret environment variable is empty',
    detail: `${address} reads a secret from the environment variable ${name}, which is set but empty; apply would send an empty value.`,
    hint: `Set ${name} to the secret's value, or unset it if it was exported by mistake.`,
    address,
  });
}
