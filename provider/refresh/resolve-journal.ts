/**
 * Crash resume, first step of refresh (apply journals every intent before its transaction): every journal entry of the prior state is
 * resolved against the chain. A `create-order` with a tx hash is looked up by that hash, whatever
 * its age: mined, its receipt gives the order; pending, it is waited for up to `pendingTimeoutMs`
 * and, still pending then, KEPT in the journal with `plan/order-pending` (nothing may order that
 * slot again while it can still be mined); unknown to the node, it was never sent (or dropped).
 * One without a hash scans the tenant's `OrderCreated` logs of the last 2,000 blocks for orders
 * tagged for that slot. Each order found and not yet in state becomes a `planned` record of its
 * slot, which reconcile then turns into the lease (matched) or keeps (still open). Updates and
 * closes in flight need nothing: the chain is read afresh anyway.
 */
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { JournalEntry, StackState } from '../../cli/state/state-types.js';
import type { CreatedOrderLog } from '../marketplace/order-logs.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import { decodeStackTag } from '../marketplace/stack-tag.js';
import { decodeOrderSpec } from '../../wire/order-spec.js';
import { formatDuration } from '../../common/units/format-duration.js';
import { slotAddress } from '../resources/instance/slot-address.js';
import { awaitJournalTxs } from './await-journal-txs.js';
import type { AwaitJournalTxsInput } from './await-journal-txs.js';
import { chainLeaseFromOrder } from './chain-lease-from-order.js';
import { leaseRecordFromChain } from './lease-record-from-chain.js';
import { addSlotRecord } from './add-slot-record.js';

/** How far back an unconfirmed order without a tx hash is searched for. */
export const JOURNAL_SCAN_BLOCKS = 2000;

/** Inputs of {@link resolveJournal}. */
export interface ResolveJournalInput extends Pick<
  AwaitJournalTxsInput,
  'log' | 'clock' | 'pollMs'
> {
  readonly marketplace: Pick<
    Marketplace,
    'orderOfTx' | 'ordersCreatedBy' | 'blockNumber' | 'readOrders'
  >;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly prior: StackState;
  readonly now: Date;
  /** How long a pending `createOrder` of the journal is waited for (ms). @default 0 */
  readonly pendingTimeoutMs?: number | undefined;
}

/** The prior state with its resolved entries recorded and cleared, and what is still pending. */
export interface ResolveJournalResult {
  readonly state: StackState;
  /** `plan/order-pending`, one per entry kept because its transaction is still pending. */
  readonly diagnostics: Diagnostic[];
}

/** Resolves the journal of `prior` against the chain (see the file header). */
export async function resolveJournal(input: ResolveJournalInput): Promise<ResolveJournalResult> {
  const { prior, marketplace: m } = input;
  if (prior.journal.length === 0) return { state: prior, diagnostics: [] };
  const creates = prior.journal.filter((e) => e.operation === 'create-order');
  const timeoutMs = input.pendingTimeoutMs ?? 0;
  const lookups = await awaitJournalTxs({
    ...input,
    entries: creates.filter((e) => e.txHash !== null),
    timeoutMs,
  });
  const pending = creates.filter((e) => lookups.get(e.id)?.status === 'pending');
  const known = new Set(prior.resources.flatMap((r) => r.leases.map((l) => l.orderId)));
  const found: { address: string; order: CreatedOrderLog }[] = [];
  let scanned: CreatedOrderLog[] | null = null;
  for (const entry of creates) {
    const lookup = lookups.get(entry.id);
    let orders: CreatedOrderLog[] = [];
    if (lookup?.status === 'mined') orders = lookup.order === null ? [] : [lookup.order];
    else if (lookup === undefined) {
      scanned ??= await m.ordersCreatedBy(
        input.tenant,
        Math.max(0, (await m.blockNumber()) - JOURNAL_SCAN_BLOCKS),
      );
      orders = scanned.filter((o) => isTaggedFor(o.spec, prior.stack, entry.address, entry.key));
    }
    for (const order of orders) {
      if (known.has(order.orderId.toString())) continue;
      known.add(order.orderId.toString());
      found.push({ address: entry.address, order });
    }
  }
  let state: StackState = { ...prior, journal: pending };
  const infos = await m.readOrders(found.map((f) => f.order.orderId));
  found.forEach((f, i) => {
    const info = infos[i] ?? null;
    const chain = info === null ? null : chainLeaseFromOrder(info, null, null);
    if (chain === null) return;
    state = addSlotRecord(
      state,
      f.address,
      leaseRecordFromChain(chain, undefined, null, input.now),
    );
  });
  return { state, diagnostics: pending.map((e) => orderPendingDiag(e, timeoutMs)) };
}

function orderPendingDiag(entry: JournalEntry, waitedMs: number): Diagnostic {
  const address = slotAddress(entry.address, entry.key);
  const waited = waitedMs > 0 ? ` after waiting ${formatDuration(waitedMs)}` : '';
  return errorDiag({
    code: 'plan/order-pending',
    summary: 'An order of an earlier apply is still pending',
    detail: `${address}: the createOrder transaction ${entry.txHash ?? ''} journalled at ${entry.createdAt} is known to the node but not mined${waited}. No second order is sent for this slot while that one can still be mined.`,
    hint: 'Run `leasehold apply` again once it is mined: apply waits for it (LEASEHOLD_APPLY_PENDING_TIMEOUT, default 60s) and resumes that order.',
    address,
  });
}

function isTaggedFor(spec: string, stack: string, address: string, key: string): boolean {
  try {
    const tag = decodeStackTag(decodeOrderSpec(spec).name);
    return (
      tag !== null &&
      tag.stack === stack &&
      `instance.${tag.instance}` === address &&
      tag.key === key
    );
  } catch {
    return false;
  }
}
