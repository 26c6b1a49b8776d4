/**
 * Crash resume, first step of refresh (decision 2): every journal entry of the prior state is
 * resolved against the chain and cleared. A `create-order` with a tx hash gives its order from the
 * receipt; one without scans the tenant's `OrderCreated` logs of the last 2,000 blocks for orders
 * tagged for that slot. Each order found and not yet in state becomes a `planned` record of its
 * slot, which reconcile then turns into the lease (matched) or keeps (still open). Updates and
 * closes in flight need nothing: the chain is read afresh anyway.
 */
import type { StackState } from '../../cli/state/state-types.js';
import type { CreatedOrderLog } from '../marketplace/order-logs.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import { decodeStackTag } from '../marketplace/stack-tag.js';
import { decodeOrderSpec } from '../../devnet/protocol/order-spec.js';
import { chainLeaseFromOrder } from './chain-lease-from-order.js';
import { leaseRecordFromChain } from './lease-record-from-chain.js';
import { addSlotRecord } from './add-slot-record.js';

/** How far back an unconfirmed order is searched for. */
export const JOURNAL_SCAN_BLOCKS = 2000;

/** Inputs of {@link resolveJournal}. */
export interface ResolveJournalInput {
  readonly marketplace: Marketplace;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly prior: StackState;
  readonly now: Date;
}

/** The prior state with its journal resolved into records and cleared. */
export async function resolveJournal(input: ResolveJournalInput): Promise<StackState> {
  const { prior, marketplace: m } = input;
  if (prior.journal.length === 0) return prior;
  const known = new Set(prior.resources.flatMap((r) => r.leases.map((l) => l.orderId)));
  const found: { address: string; order: CreatedOrderLog }[] = [];
  let scanned: CreatedOrderLog[] | null = null;
  for (const entry of prior.journal) {
    if (entry.operation !== 'create-order') continue;
    let orders: CreatedOrderLog[] = [];
    if (entry.txHash !== null) {
      const o = await m.orderOfTx(entry.txHash);
      orders = o === null ? [] : [o];
    }
    if (orders.length === 0) {
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
  let state: StackState = { ...prior, journal: [] };
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
  return state;
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
