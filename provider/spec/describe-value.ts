import { redact, SENSITIVE_MASK } from '../../cli/diag/index.js';
import type { SpecPath } from './spec-path.js';

// Fields whose values may be credentials: their values are never quoted, even when malformed.
const SENSITIVE_SEGMENTS = new Set(['secrets', 'credentials', 'headers', 'password']);
const MAX_QUOTED = 60;

/** True when a value at this path may hold a secret and must never be quoted. */
export function isSensitivePath(path: SpecPath): boolean {
  return path.some((s) => typeof s === 'string' && SENSITIVE_SEGMENTS.has(s));
}

/** Names a JSON type as a YAML user knows it: `a mapping`, `a list`, `an integer`. */
export function typeName(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'a boolean (`true` or `false`)';
    case 'null':
      return 'empty (null)';
    default:
      return `a ${type}`;
  }
}

/** The JSON type of a parsed YAML value. */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Joins words as `a`, `b` or `c`. */
export function listWords(words: readonly string[], last = 'or'): string {
  const quoted = words.map((w) => `\`${w}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1] ?? ''}`;
}

/**
 * Quotes an offending value for a message: short scalars in backticks, collections by kind,
 * secrets masked, long strings cut.
 */
export function quoteValue(value: unknown, path: SpecPath): string {
  if (isSensitivePath(path)) return SENSITIVE_MASK;
  if (typeof value === 'object' && value !== null) return typeName(typeOf(value));
  if (value === null || value === undefined) return 'empty';
  let text = redact(String(value)).replace(/`/g, "'").replace(/\s+/g, ' ');
  if (text.length > MAX_QUOTED) text = `${text.slice(0, MAX_QUOTED)}…`;
  return `\`${text}\``;
}
