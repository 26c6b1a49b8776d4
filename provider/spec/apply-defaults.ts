import { isRecord } from '../../common/index.js';
import type { DefaultsSpec, InstanceSpec } from './spec-types.js';

/**
 * Merges the stack's `defaults` under one instance: objects merge key by key (the instance wins),
 * arrays and scalars are taken whole from the instance when it sets them.
 */
export function applyDefaults(
  defaults: DefaultsSpec | undefined,
  instance: InstanceSpec,
): InstanceSpec {
  if (defaults === undefined) return instance;
  return deepMerge(defaults, instance) as InstanceSpec;
}

/** `over` wins; plain objects on both sides merge recursively. */
export function deepMerge(under: unknown, over: unknown): unknown {
  if (over === undefined) return under;
  if (!isRecord(under) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(under[k], v);
  return out;
}
