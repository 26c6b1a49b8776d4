import type { LeaseRecord } from '../../../cli/state/state-types.js';

/** Paths of an instance slot value that only apply knows on a create or replace. */
export const UNKNOWN_AFTER_CREATE: readonly string[] = ['leaseId', 'provider', 'endpoints'];

/** Paths of an instance slot value rendered as `(sensitive value)`. */
export const INSTANCE_SENSITIVE_PATHS: readonly string[] = ['secrets.*', 'credentials.password'];

/**
 * The before/after value of one instance slot: the model attributes without the resource-wide
 * `count` (the slot's share is `replicas`, so a count change shows only on the slots it touches),
 * plus the slot key and what the lease is. `lease` null means unknown until apply.
 */
export function instanceSlotValue(
  attributes: unknown,
  slot: { readonly key: string; readonly replicas: number },
  lease: LeaseRecord | null,
): Record<string, unknown> {
  const { count: _count, ...rest } = isRecord(attributes) ? attributes : {};
  return {
    ...rest,
    key: slot.key,
    replicas: slot.replicas,
    leaseId: lease?.leaseId ?? null,
    provider: lease?.provider ?? null,
    endpoints: lease === null ? null : [...lease.endpoints],
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
