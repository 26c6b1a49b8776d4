/**
 * Turns construct props into synthesized attributes: same camelCase keys as the YAML spec (so the
 * reader maps them back one to one), `undefined` members dropped, and the given keys left out.
 */
export function toAttributes(props: object, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || omit.includes(key)) continue;
    out[key] = stripUndefined(value);
  }
  return out;
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  // Tokens and other class instances pass through untouched: cdktf resolves them at synth time.
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  )
    return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
  return out;
}
