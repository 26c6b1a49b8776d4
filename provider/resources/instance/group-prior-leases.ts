import type { LeaseRecord } from '../../../cli/state/state-types.js';

/** Prior leases by slot, with the extra ones found for an already taken slot. */
export interface GroupedLeases {
  readonly bySlot: ReadonlyMap<string, LeaseRecord>;
  /** Second and later leases of one slot: deleted as duplicates. */
  readonly duplicates: readonly LeaseRecord[];
}

/**
 * Keeps one lease per slot: the first in state order (refresh puts the lease state already held
 * before any adopted one), else the lowest lease id.
 */
export function groupPriorLeases(leases: readonly LeaseRecord[]): GroupedLeases {
  const bySlot = new Map<string, LeaseRecord>();
  const duplicates: LeaseRecord[] = [];
  for (const lease of leases) {
    const kept = bySlot.get(lease.key);
    if (kept === undefined) bySlot.set(lease.key, lease);
    else duplicates.push(lease);
  }
  return { bySlot, duplicates };
}

/** Replicas the leases run in total, null when there is none. */
export function liveReplicas(leases: readonly LeaseRecord[]): number | null {
  if (leases.length === 0) return null;
  return leases.reduce((n, l) => n + l.replicas, 0);
}
