import { isRecord } from '../../../common/index.js';
import { canonicalJson } from '../../spec/canonical-json.js';

/**
 * Model paths whose change the same lease cannot take, so the slot is replaced: the order fixes
 * resources, placement, price, ports and duration when it is matched, and an update swaps only
 * what the manifest carries (UPDATE_ROOTS).
 */
export const REPLACE_ROOTS = ['resources', 'placement', 'pricing', 'ports', 'duration'] as const;

/** Model paths a lease takes through the update path (new manifest, same lease). */
export const UPDATE_ROOTS = ['image', 'env', 'secrets', 'command', 'args', 'credentials'] as const;

/** Model fields that are maps from user names to values, not structs. */
const MAP_ROOTS: ReadonlySet<string> = new Set(['env']);

/**
 * Dotted paths under `roots` whose values differ between `before` and `after`. Objects are walked
 * to their leaves (`resources.cpu`, `env.LOG_LEVEL`); arrays and scalars compare whole, because an
 * element's index says nothing a user can act on. A field absent from `before` is unknown (state
 * rebuilt by import), not changed; model objects always hold every field, null when unset.
 * @example diffPaths({ image: 'a' }, { image: 'b' }, ['image']) // ['image']
 */
export function diffPaths(before: unknown, after: unknown, roots: readonly string[]): string[] {
  const out: string[] = [];
  for (const root of roots) walk(field(before, root), field(after, root), root, out);
  return out.sort();
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (a === undefined) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    // In a map (env) a key only one side has is an addition or a removal, not an unknown.
    const map = MAP_ROOTS.has(path);
    for (const k of keys)
      walk(map ? (a[k] ?? null) : a[k], map ? (b[k] ?? null) : b[k], `${path}.${k}`, out);
    return;
  }
  if (same(a, b)) return;
  out.push(path);
}

function same(a: unknown, b: unknown): boolean {
  if (b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}
