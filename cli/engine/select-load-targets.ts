import { errorDiag } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { parseStateAddress } from '../state/state-address.js';
import type { StackState } from '../state/state-types.js';

/** The endpoints `devnet load` spreads requests over, or why there are none. */
export interface LoadTargets {
  /** Sorted, without duplicates: one per replica listener the state recorded. */
  readonly endpoints: readonly string[];
  readonly diagnostics: Diagnostics;
}

/**
 * The recorded endpoints of every lease of `address` (`instance.web`, or one slot
 * `instance.web[0]`) in the state: what the last apply or autoscale cycle wrote. Leases still
 * `planned` have none.
 */
export function selectLoadTargets(state: StackState | null, address: string): LoadTargets {
  const parsed = parseStateAddress(address);
  const resource =
    parsed === null ? undefined : state?.resources.find((r) => r.address === parsed.resource);
  if (parsed === null || resource === undefined) {
    const known = (state?.resources ?? []).filter((r) => r.leases.length > 0).map((r) => r.address);
    return {
      endpoints: [],
      diagnostics: [
        errorDiag({
          code: 'devnet/load-unknown-address',
          summary: 'No such resource in the state',
          detail: `"${address}" is not a resource of the stack's state${known.length === 0 ? ' (the state has no leases)' : `; it has ${known.join(', ')}`}.`,
          hint:
            known.length === 0
              ? 'Run `leasehold apply` first.'
              : `Name one of them, e.g. \`leasehold devnet load ${known[0] ?? 'instance.web'}\`.`,
        }),
      ],
    };
  }
  const leases = resource.leases.filter((l) => parsed.key === null || l.key === parsed.key);
  const endpoints = [...new Set(leases.flatMap((l) => l.endpoints))].sort();
  if (endpoints.length > 0) return { endpoints, diagnostics: [] };
  return {
    endpoints: [],
    diagnostics: [
      errorDiag({
        code: 'devnet/load-no-endpoints',
        summary: 'Resource has no recorded endpoints',
        detail: `The state records no endpoint for "${address}" (${leases.length} lease(s), none with a forwarded port).`,
        hint: 'Run `leasehold refresh` or `leasehold apply`, then try again.',
      }),
    ],
  };
}
