import { formatPerHourForPeople, formatTokenForPeople } from '../../common/index.js';
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

/**
 * A provider as people know it: its registered name with a short address (`atlantic-2
 * (0x15d3…6a8b)`), or the short address alone when the registry gives no name.
 */
export function providerLabel(address: string, name?: string | null): string {
  const short = address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
  return name === null || name === undefined || name === '' ? short : `${name} (${short})`;
}

/** Whole tokens when the decimals are known (`100 USDT`), else the base units said as such. */
function amountText(
  amount: string,
  token: string | undefined,
  decimals: number | undefined,
): string {
  if (token === undefined) return `${amount} base units of escrow`;
  if (decimals === undefined) return `${amount} base units of ${token}`;
  return formatTokenForPeople(BigInt(amount), decimals, token);
}

/** `0.176 USDT/h`; events from before the hourly price was reported keep the per-block form. */
function matchedPrice(e: Extract<ApplyProgressEvent, { type: 'lease-matched' }>): string {
  if (e.perHour === undefined) return `${e.acceptedPrice} per block (1e18-scaled)`;
  const { amount, decimals, token } = e.perHour;
  // The hourly rate comes from a per-block price: its last digits are rounding, not a price.
  return formatPerHourForPeople(BigInt(amount), decimals, token, 3);
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
      return `deposit ${amountText(e.amount, e.token, e.decimals)} (tx ${shortHash(e.txHash)})`;
    case 'order-created':
      return `order ${e.orderId} created (tx ${shortHash(e.txHash)})`;
    case 'lease-matched':
      return `lease ${e.leaseId} matched with provider ${providerLabel(e.provider, e.providerName)} at ${matchedPrice(e)}`;
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
      return `lease ${e.leaseId} closed${e.released === null ? '' : `, ${amountText(e.released, e.token, e.decimals)} released`}`;
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
