/** Narrowing helpers for parsed YAML (plain JSON-like data): the converters take `unknown`. */
import { isRecord } from '../../common/index.js';

/** A YAML mapping as a record. */
export type YamlMap = Readonly<Record<string, unknown>>;

/** True for a mapping (not null, not a list). */
export function isYamlMap(value: unknown): value is YamlMap {
  return isRecord(value);
}

/** The value as a list: a list stays a list, a single value becomes a one-item list, absent is empty. */
export function toList(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A scalar as text (`8` → `"8"`, `true` → `"true"`); undefined for mappings, lists and null. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list of scalars as strings, for `command`/`args`/`accept`; undefined when it is not one. */
export function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const v of value) {
    const s = scalarText(v);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

/** A YAML boolean, also accepting the strings `"true"`/`"false"` that SDL files often carry. */
export function yamlBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
