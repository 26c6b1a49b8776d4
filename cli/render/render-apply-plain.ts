import type { ApplyProgressEvent } from '../engine/apply-events.js';
import type { Action } from '../plan/plan-types.js';

const VERBS: Readonly<Record<Action, string>> = {
  create: 'creating',
  update: 'updating in place',
  'create-then-delete': 'replacing (create first)',
  'delete-then-create': 'replacing (delete first)',
  delete: 'destroying',
  'no-op': 'unchanged',
  read: 'reading',
};

/** A tx hash cut to its first bytes, enough to find it in an explorer. */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 10)}…` : hash;
}

/** What one event says, without the address (the live list puts that in its own column). */
export function describeApplyEvent(e: ApplyProgressEvent): string {
  switch (e.type) {
    case 'slot-started':
      return `${VERBS[e.action]}…`;
    case 'slot-done':
      return `${VERBS[e.action]}: done`;
    case 'slot-failed':
      return `${VERBS[e.action]}: failed: ${e.diagnostics[0]?.summary ?? 'error'}`;
    case 'escrow-deposit':
      return `escrow deposit of ${e.amount} base units of ${e.token} (tx ${shortHash(e.txHash)})`;
    case 'order-created':
      return `order ${e.orderId} created (tx ${shortHash(e.txHash)})`;
    case 'lease-matched':
      return `lease ${e.leaseId} matched with provider ${shortHash(e.provider)} at ${e.acceptedPrice} per block (1e18-scaled)`;
    case 'manifest-sent':
      return `manifest sent to lease ${e.leaseId} (attempt ${e.attempt})`;
    case 'manifest-retry':
      return `manifest attempt ${e.attempt} for lease ${e.leaseId} failed (${e.reason}); retrying`;
    case 'replica-ready':
      return `lease ${e.leaseId}: ${e.ready}/${e.total} replicas ready`;
    case 'health-passed':
      return `lease ${e.leaseId} passed its health check`;
    case 'update-requested':
      return `update of lease ${e.leaseId} requested (tx ${shortHash(e.txHash)})`;
    case 'update-accepted':
      return `update of lease ${e.leaseId} accepted by the provider`;
    case 'lease-updated':
      return `lease ${e.leaseId} updated`;
    case 'lease-closed':
      return `lease ${e.leaseId} closed${e.released === null ? '' : `, ${e.released} base units of escrow released`}`;
    case 'waiting':
      return `waiting for ${e.phase}: ${e.detail}`;
  }
}

/**
 * One plain line per event, for CI and pipes (no colour, no redraw):
 * `instance.web[0]: order 12 created (tx 0xab12cd34…)`. Escrow events of the whole stack carry
 * the stack as their address.
 */
export function renderApplyEventPlain(e: ApplyProgressEvent): string {
  return `${e.address}: ${describeApplyEvent(e)}`;
}
