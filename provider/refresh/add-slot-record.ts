import type { LeaseRecord, ResourceState, StackState } from '../../cli/state/state-types.js';

/**
 * Adds one lease record to an instance resource of the state (the resource is created, with no
 * attributes yet, when state does not hold it), after any record its slot already has.
 */
export function addSlotRecord(state: StackState, address: string, record: LeaseRecord): StackState {
  const prior = state.resources.find((r) => r.address === address);
  const resource: ResourceState = prior ?? {
    address,
    type: 'instance',
    name: address.replace(/^instance\./, ''),
    attributes: null,
    // The state schema wants a hash; apply's own placeholder for a resource it has not committed
    // yet (cli/engine/apply-state-mutations.ts) keeps the resumed apply's state writable.
    modelHash: 'uncommitted',
    leases: [],
  };
  const next = { ...resource, leases: [...resource.leases, record] };
  const others = state.resources.filter((r) => r.address !== address);
  return {
    ...state,
    resources: [...others, next].sort((a, b) =>
      a.address < b.address ? -1 : a.address > b.address ? 1 : 0,
    ),
  };
}
