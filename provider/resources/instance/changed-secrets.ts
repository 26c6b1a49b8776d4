import type { InstanceModel } from '../../spec/model-types.js';

/** One secret of an instance: where it shows in a plan, and the variable its value comes from. */
export interface SecretSource {
  /** `secrets.API_KEY`, `credentials.password`, `credentials.username`. */
  readonly path: string;
  readonly fromEnv: string;
}

/** Every secret an instance sends in its manifest, in path order. */
export function secretSources(
  model: Pick<InstanceModel, 'secrets' | 'credentials'>,
): SecretSource[] {
  const out: SecretSource[] = model.secrets.map((s) => ({
    path: `secrets.${s.name}`,
    fromEnv: s.fromEnv,
  }));
  const c = model.credentials;
  if (c !== null) {
    out.push({ path: 'credentials.password', fromEnv: c.passwordFromEnv });
    if ('fromEnv' in c.username)
      out.push({ path: 'credentials.username', fromEnv: c.username.fromEnv });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Options of {@link changedSecrets}. */
export interface ChangedSecretsInput {
  /** The instance as wanted. */
  readonly model: Pick<InstanceModel, 'secrets' | 'credentials'>;
  /** The HMACs the lease's last manifest carried (`LeaseRecord.secretHmacs`); undefined: unknown. */
  readonly recorded: Readonly<Record<string, string>> | undefined;
  /** The HMACs of the values the environment holds now; undefined: not compared. */
  readonly current: ReadonlyMap<string, string> | undefined;
}

/**
 * The secrets whose value differs from the one the lease last received (pure). A value unknown
 * on either side — the variable is not set now, or the lease's record predates HMACs — is not a
 * change, as Terraform shows no diff against an unknown prior value.
 * @example changedSecrets({ model, recorded: { K: 'hmac-sha256:aa' }, current: new Map([['K', 'hmac-sha256:bb']]) }) // ['secrets.API_KEY']
 */
export function changedSecrets(input: ChangedSecretsInput): string[] {
  const { recorded, current } = input;
  if (recorded === undefined || current === undefined) return [];
  return secretSources(input.model)
    .filter((s) => {
      const before = recorded[s.fromEnv];
      const now = current.get(s.fromEnv);
      return before !== undefined && now !== undefined && before !== now;
    })
    .map((s) => s.path);
}
