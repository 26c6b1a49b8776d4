/**
 * The secret values this process knows (STYLE §12, §27: the one home of "what counts as secret").
 * Whoever reads a secret — the signing key, the keystore password, a spec's secret values —
 * registers it here as it reads it, and `redact()` masks every registered value in any text.
 * Values shorter than {@link MIN_SECRET_LENGTH} are not kept: masking every "a" or "42" of a
 * message would hide the evidence and protect nothing.
 */

/** Shorter values are never masked (a 1-character secret would mask that character everywhere). */
export const MIN_SECRET_LENGTH = 4;

/** The environment variables that hold the wallet's secrets, registered when a command starts. */
export const WALLET_SECRET_VARIABLES: readonly string[] = [
  'LEASEHOLD_PRIVATE_KEY',
  'LEASEHOLD_KEYSTORE_PASSWORD',
];

const known = new Set<string>();

/**
 * Remembers a secret value for the rest of the process; `undefined`, empty and short values are
 * ignored. A value with surrounding whitespace is kept both as given and trimmed.
 */
export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  for (const v of new Set([value, value.trim()])) if (v.length >= MIN_SECRET_LENGTH) known.add(v);
}

/** Registers the wallet secrets the environment holds ({@link WALLET_SECRET_VARIABLES}). */
export function registerEnvSecrets(env: Readonly<Record<string, string | undefined>>): void {
  for (const name of WALLET_SECRET_VARIABLES) registerSecret(env[name]);
}

/** Every secret registered so far. */
export function knownSecrets(): readonly string[] {
  return [...known];
}

/** Forgets every registered secret (tests). */
export function forgetKnownSecrets(): void {
  known.clear();
}
