/**
 * Asks the node about every journalled `createOrder` transaction and, while some are pending,
 * asks again until they are mined or dropped or the deadline passes — so a crashed apply's order
 * still in the mempool is adopted instead of ordered a second time. A hash the node does not know
 * is not yet "never sent" when the entry has a nonce: a re-send with a bumped fee changes the hash
 * and keeps the nonce, so a used nonce means some version may have been mined (`nonce-used`: look
 * for the order by its tag), and a nonce still held in the mempool means it may yet be (pending).
 */
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import type { JournalEntry } from '../../cli/state/state-types.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { OrderTxLookup } from '../marketplace/order-logs.js';
import { formatDuration } from '../../common/units/format-duration.js';
import { slotAddress } from '../resources/instance/slot-address.js';

/** What the node says of a journalled transaction, with what its nonce tells. */
export type JournalTxLookup = OrderTxLookup | { readonly status: 'nonce-used' };

/**
 * Pure: what an entry whose hash the node does not know became, from its nonce and the wallet's
 * transaction counts (mined, and with the mempool).
 */
export function fateOfUnknownTx(
  nonce: number | null | undefined,
  counts: { readonly mined: number; readonly pending: number },
): JournalTxLookup {
  if (nonce === null || nonce === undefined) return { status: 'unknown' };
  if (counts.mined > nonce) return { status: 'nonce-used' };
  if (counts.pending > nonce) return { status: 'pending' };
  return { status: 'unknown' };
}

/** Inputs of {@link awaitJournalTxs}. */
export interface AwaitJournalTxsInput {
  readonly marketplace: Pick<Marketplace, 'orderOfTx' | 'transactionCounts'>;
  /** Lowercase wallet address of the entries' transactions. */
  readonly tenant: string;
  /** `create-order` entries that carry a tx hash. */
  readonly entries: readonly JournalEntry[];
  /** How long pending transactions are waited for; 0 asks once. */
  readonly timeoutMs: number;
  /** How often a pending transaction is asked about again. @default 500 */
  readonly pollMs?: number | undefined;
  /** Told once when a wait starts (for humans, on stderr). */
  readonly log?: ((line: string) => void) | undefined;
  /** @default the system clock */
  readonly clock?: Clock | undefined;
}

/** Each entry's last lookup, by entry id; `pending` ones were still pending at the deadline. */
export async function awaitJournalTxs(
  input: AwaitJournalTxsInput,
): Promise<Map<string, JournalTxLookup>> {
  const clock = input.clock ?? systemClock;
  const deadline = clock.now() + input.timeoutMs;
  const out = new Map<string, JournalTxLookup>();
  let todo = [...input.entries];
  let told = false;
  for (;;) {
    const looked = await Promise.all(
      todo.map((e) => input.marketplace.orderOfTx(e.txHash as string)),
    );
    const unknownWithNonce = todo.some(
      (e, i) => looked[i]?.status === 'unknown' && typeof e.nonce === 'number',
    );
    const counts = unknownWithNonce
      ? await input.marketplace.transactionCounts(input.tenant)
      : null;
    todo.forEach((e, i) => {
      const l = looked[i] as OrderTxLookup;
      out.set(
        e.id,
        l.status === 'unknown' && counts !== null ? fateOfUnknownTx(e.nonce, counts) : l,
      );
    });
    todo = todo.filter((e) => out.get(e.id)?.status === 'pending');
    if (todo.length === 0 || clock.now() >= deadline) return out;
    if (!told) input.log?.(waitingLine(todo, input.timeoutMs));
    told = true;
    await clock.sleep(Math.min(input.pollMs ?? 500, Math.max(0, deadline - clock.now())));
  }
}

function waitingLine(pending: readonly JournalEntry[], timeoutMs: number): string {
  const which = pending
    .map((e) => `${slotAddress(e.address, e.key)}: ${e.txHash ?? ''}`)
    .join(', ');
  const noun = pending.length === 1 ? 'order' : 'orders';
  return `Waiting up to ${formatDuration(timeoutMs)} for the pending ${noun} of an earlier apply to be mined (${which})…`;
}
