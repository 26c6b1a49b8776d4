import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * `sha256:<hex>` of a value's canonical JSON: equal models give equal hashes whatever their key
 * order or source (YAML or CDK).
 */
export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}
