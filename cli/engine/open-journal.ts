import { randomUUID } from 'node:crypto';
import type { JournalHandle } from '../provider-api.js';
import type { StateWriter } from '../state/state-writer.js';
import type { JournalEntry } from '../state/state-types.js';

/**
 * Writes an intent to the state journal through the one writer and returns the provider's handle
 * on it: `update` rewrites the entry as facts arrive (the tx hash and nonce before the broadcast), `clear`
 * removes it once the result is recorded. Each call resolves only once the state is on disk.
 */
export async function openJournal(
  writer: StateWriter,
  entry: Omit<JournalEntry, 'id' | 'createdAt'>,
  now: () => Date,
): Promise<JournalHandle> {
  let current: JournalEntry = { ...entry, id: randomUUID(), createdAt: now().toISOString() };
  await writer.recordIntent(current);
  return {
    async update(patch) {
      current = {
        ...current,
        ...(patch.txHash === undefined ? {} : { txHash: patch.txHash }),
        ...(patch.nonce === undefined ? {} : { nonce: patch.nonce }),
        ...(patch.orderId === undefined ? {} : { orderId: patch.orderId }),
      };
      await writer.recordIntent(current);
    },
    async clear() {
      await writer.clearIntent(current.id);
    },
  };
}
