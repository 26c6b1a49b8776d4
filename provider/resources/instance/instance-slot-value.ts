import { isRecord } from '../../../common/index.js';
import type { LeaseRecord } from '../../../cli/state/state-types.js';

/** Paths of an instance slot value that only apply knows on a create or replace. */
export const UNKNOWN_AFTER_CREATE: readonly string[] = ['leaseId', 'provider', 'endpoints'];

/** Paths of an instance slot value rendered as `(sensitive value)`. */
export const INSTANCE_SENSITIVE_PATHS: readonly string[] = ['secrets.*', 'credentials.password'];

/**
 * The before/after value of one instance slot: every model attribute (the core checks a no-op
 * carries them all, `count` included), plus the slot key, the slot's share of the replicas, and
 * what the lease is. `lease` null means unknown until apply.
 */
export function instanceSlotValue(
  attributes: unknown,
  slot: { readonly key: string; readonly replicas: number },
  lease: LeaseRecord | null,
): Record<string, unknown> {
  return {
    ...(isRecord(attributes) ? attributes : {}),
    key: slot.key,
    replicas: slot.replicas,
    leaseId: lease?.leaseId ?? null,
    provider: lease?.provider ?? null,
    endpoints: lease === null ? null : [...lease.endpoints],
  };
}
