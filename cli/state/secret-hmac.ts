import { createHmac, randomBytes } from 'node:crypto';
import type { StackState } from './state-types.js';

/**
 * Secret rotation without secret values (DESIGN §4): state keeps, per lease, an HMAC of each
 * secret value its manifest carried, keyed by a random salt of the state's lineage. Plan compares
 * it with the HMAC of the value the environment holds now; the value itself is never stored. The
 * HMACs stay in the state file: plans, plan files and command output never carry them.
 */

/** A new per-lineage salt: hex of 32 random bytes. */
export function newSecretSalt(): string {
  return randomBytes(32).toString('hex');
}

/** Options of {@link secretHmac}. */
export interface SecretHmacInput {
  /** The state's `secretSalt` (hex). */
  readonly salt: string;
  /** The environment variable the value is read from: bound in, so equal values differ by name. */
  readonly name: string;
  readonly value: string;
}

/**
 * `hmac-sha256:<hex>` of `name NUL value`, keyed by the salt's bytes.
 * @example secretHmac({ salt: 'ab'.repeat(32), name: 'WEB_API_KEY', value: 's3cret' }) // 'hmac-sha256:…'
 */
export function secretHmac(input: SecretHmacInput): string {
  const mac = createHmac('sha256', Buffer.from(input.salt, 'hex'));
  mac.update(`${input.name}\u0000${input.value}`);
  return `hmac-sha256:${mac.digest('hex')}`;
}

/** The HMAC of every value in `values` (by variable name); empty without a salt. */
export function secretHmacs(
  salt: string | undefined,
  values: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (salt === undefined) return out;
  for (const [name, value] of values) out.set(name, secretHmac({ salt, name, value }));
  return out;
}

/** The state as commands show it: without the salt and the lease records' HMACs. */
export function withoutSecretHmacs(state: StackState): StackState {
  const { secretSalt: _salt, ...rest } = state;
  return {
    ...rest,
    resources: state.resources.map((r) => ({
      ...r,
      leases: r.leases.map(({ secretHmacs: _hmacs, ...lease }) => lease),
    })),
  };
}
