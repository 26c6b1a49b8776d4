import type { LeaseRecord, ResourceState, SlotStatus, StackState } from './state-types.js';

/** A resource address with an optional slot key: `instance.web`, `instance.web[0]`, `…["us-east"]`. */
export interface StateAddress {
  readonly resource: string;
  readonly key: string | null;
}

/** The address of one slot: numeric keys as `[0]`, others quoted as `["us-east"]`. */
export function slotAddress(resource: string, key: string): string {
  return /^\d+$/.test(key) ? `${resource}[${key}]` : `${resource}[${JSON.stringify(key)}]`;
}

/** Parses a state address; null when it is not one. */
export function parseStateAddress(text: string): StateAddress | null {
  const m = /^([a-z_]+\.[a-z0-9][a-z0-9-]*)(?:\[(\d+)\]|\["([a-z0-9][a-z0-9-]*)"\])?$/.exec(
    text.trim(),
  );
  if (m?.[1] === undefined) return null;
  return { resource: m[1], key: m[2] ?? m[3] ?? null };
}

/** One line of `state list`: a slot (with its lease) or a resource with no chain footprint. */
export interface StateListEntry {
  readonly address: string;
  readonly resource: string;
  readonly key: string | null;
  /** Null for a resource with no leases. */
  readonly orderId: string | null;
  readonly leaseId: string | null;
  readonly status: SlotStatus | null;
}

/** Every address in the state, resources in state order and slots by key. */
export function listStateAddresses(state: StackState): StateListEntry[] {
  return state.resources.flatMap((r): StateListEntry[] =>
    r.leases.length === 0
      ? [
          {
            address: r.address,
            resource: r.address,
            key: null,
            orderId: null,
            leaseId: null,
            status: null,
          },
        ]
      : r.leases.map((l) => ({
          address: slotAddress(r.address, l.key),
          resource: r.address,
          key: l.key,
          orderId: l.orderId,
          leaseId: l.leaseId,
          status: l.status,
        })),
  );
}

/** What an address names in a state: a resource and, for a slot address, one of its leases. */
export interface StateAddressMatch {
  readonly resource: ResourceState;
  /** The leases named: one for a slot address, all of them for a resource address. */
  readonly leases: readonly LeaseRecord[];
  readonly slot: boolean;
}

/** Finds what an address names; null when nothing in the state matches. */
export function findStateAddress(state: StackState, address: string): StateAddressMatch | null {
  const parsed = parseStateAddress(address);
  if (parsed === null) return null;
  const resource = state.resources.find((r) => r.address === parsed.resource);
  if (resource === undefined) return null;
  if (parsed.key === null) return { resource, leases: resource.leases, slot: false };
  const lease = resource.leases.find((l) => l.key === parsed.key);
  return lease === undefined ? null : { resource, leases: [lease], slot: true };
}

/**
 * The state without what `address` names (a resource, or one slot of it; a resource whose last
 * slot goes is removed whole). Pure; null when the address names nothing.
 */
export function removeStateAddress(state: StackState, address: string): StackState | null {
  const match = findStateAddress(state, address);
  if (match === null) return null;
  const { resource } = match;
  const leases = match.slot ? resource.leases.filter((l) => !match.leases.includes(l)) : [];
  const keep = match.slot && leases.length > 0;
  return {
    ...state,
    resources: state.resources.flatMap((r) =>
      r !== resource ? [r] : keep ? [{ ...r, leases }] : [],
    ),
  };
}
