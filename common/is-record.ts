/**
 * True for a plain record: an object that is neither null nor an array. The one narrowing of
 * `unknown` to `Record<string, unknown>` every module uses at its edge (STYLE §4, §27).
 */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
