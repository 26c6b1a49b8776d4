/**
 * The secret values this process knows, read at an edge and masked by `redact()` in any text,
 * whoever builds it: for example an RPC URL from the environment (its path often holds an API key)
 * quoted inside an RPC library's error. The same API as fix/secrets' registry (a superset), so
 * that the two merge by keeping that one.
 */

const known = new Set<string>();

/** Remembers a secret value for the rest of the process; `undefined` and empty values are ignored. */
export function registerSecret(value: string | undefined): void {
  if (value === undefined) return;
  for (const v of new Set([value, value.trim()])) if (v.length > 0) known.add(v);
}

/** Every secret registered so far. */
export function knownSecrets(): readonly string[] {
  return [...known];
}
