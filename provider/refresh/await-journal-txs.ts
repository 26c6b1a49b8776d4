/**
 * Asks the node about every journalled `createOrder` transaction and, while some are pending,
 * asks again until they are mined or dropped or the deadline passes — so a crashed apply's order
 * still in the mempool is adopted instead of ordered a second time.
 */
import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import type { JournalEntry } from '../../cli/state/state-types.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { OrderTxLookup } from '../marketplace/order-logs.js';
import { formatDuration } from '../../common/units/format-duration.js';
import { slotAddress } from '../resources/instance/slot-address.js';

/** Inputs of {@link awaitJournalTxs}. */
export interface AwaitJournalTxsInput {
  readonly marketplace: Pick<Marketplace, 'orderOfTx'>;
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
): Promise<Map<string, OrderTxLookup>> {
  const clock = input.clock ?? systemClock;
  const deadline = clock.now() + input.timeoutMs;
  const out = new Map<string, OrderTxLookup>();
  let todo = [...input.entries];
  let told = false;
  for (;;) {
    const looked = await Promise.all(
      todo.map((e) => input.marketplace.orderOfTx(e.txHash as string)),
    );
    todo.forEach((e, i) => out.set(e.id, looked[i] as OrderTxLookup));
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
