import { nextSerial } from './next-serial.js';
import type { JournalEntry, StackState, StateBackend } from './state-types.js';

/** What a StateWriter needs: where to write and the snapshot it starts from. */
export interface StateWriterOptions {
  readonly backend: StateBackend;
  /** The state as read (or `emptyState`), already holding the caller's lock. */
  readonly initial: StackState;
}

/** A mutation: the next snapshot from the current one. Return the same object to change nothing. */
export type StateMutation = (current: StackState) => StackState;

/**
 * The one writer of a stack's state during apply (STYLE §8, Terraform's SyncState). Concurrent
 * workers call `mutate`; mutations run one at a time in call order, each bumps the serial and is
 * written before the next starts, so the file on disk is never behind a confirmed step. A failed
 * mutation (its function threw, or the write failed) rejects only its own caller and leaves the
 * snapshot as it was.
 */
export class StateWriter {
  private current: StackState;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly backend: StateBackend;

  constructor(opts: StateWriterOptions) {
    this.backend = opts.backend;
    this.current = opts.initial;
  }

  /** The last snapshot written (or the initial one). */
  get state(): StackState {
    return this.current;
  }

  /** Queues a mutation; resolves with the snapshot once it is on disk. */
  mutate(fn: StateMutation): Promise<StackState> {
    const run = async (): Promise<StackState> => {
      const proposed = fn(this.current);
      if (proposed === this.current) return this.current;
      const next: StackState = { ...proposed, serial: nextSerial(this.current) };
      await this.backend.write(next);
      this.current = next;
      return next;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Journals an intent before its transaction is sent (replacing an entry with the same id). */
  recordIntent(entry: JournalEntry): Promise<StackState> {
    return this.mutate((s) => ({
      ...s,
      journal: [...s.journal.filter((e) => e.id !== entry.id), entry],
    }));
  }

  /** Clears an intent once its result is recorded; an unknown id changes nothing. */
  clearIntent(id: string): Promise<StackState> {
    return this.mutate((s) =>
      s.journal.some((e) => e.id === id)
        ? { ...s, journal: s.journal.filter((e) => e.id !== id) }
        : s,
    );
  }

  /** Resolves when every mutation queued so far has settled. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
