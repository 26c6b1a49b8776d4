import { errorDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import { formatPath } from '../spec-path.js';
import type { InstanceSpec } from '../spec-types.js';

/** A variable set both in `env` and in `secrets`: the container would get only one of them. */
export function checkDuplicateEnv(name: string, inst: InstanceSpec): Diagnostic[] {
  const env = new Set(Object.keys(inst.env ?? {}));
  return Object.keys(inst.secrets ?? {})
    .filter((k) => env.has(k))
    .map((k) =>
      errorDiag({
        code: 'spec/duplicate-env',
        summary: 'Variable set in both env and secrets',
        detail: `Instance \`${name}\` sets \`${k}\` in \`env\` and in \`secrets\`; a variable has one source.`,
        hint: `Remove \`${k}\` from \`env\` (keep the secret) or from \`secrets\`.`,
        path: formatPath(['instances', name, 'secrets', k]),
      }),
    );
}

/** Storage volume names must be unique within an instance: they become mount names. */
export function checkDuplicateVolumes(name: string, inst: InstanceSpec): Diagnostic[] {
  const storage = inst.resources?.storage;
  if (!Array.isArray(storage)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  (storage as readonly { readonly name: string }[]).forEach((v, i) => {
    if (!seen.has(v.name)) {
      seen.add(v.name);
      return;
    }
    out.push(
      errorDiag({
        code: 'spec/duplicate-name',
        summary: 'Duplicate volume name',
        detail: `Instance \`${name}\` declares storage volume \`${v.name}\` more than once.`,
        hint: 'Give each volume its own name.',
        path: formatPath(['instances', name, 'resources', 'storage', i, 'name']),
      }),
    );
  });
  return out;
}
