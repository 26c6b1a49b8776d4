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
  private unsavedState: StackState | null = null;
  private failure: unknown = null;
  private readonly hashes = new Set<string>();
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

  /**
   * The error of the store write that failed (the database went away, the lock was lost, a
   * conflict), or null. From then on every mutation is kept in memory only ({@link unsaved}) and
   * rejects with it, and no intent is recorded: nothing new is sent after the state stopped
   * being saved. A write refused for its content (wrong stack, invalid state) does not count.
   */
  get writeFailure(): unknown {
    return this.failure;
  }

  /** Every transaction hash journalled through this writer, in order (the activity log's). */
  get txHashes(): readonly string[] {
    return [...this.hashes];
  }

  /** After a write failure: the state with every mutation since, none of it saved; else null. */
  get unsaved(): StackState | null {
    return this.unsavedState;
  }

  /** Queues a mutation; resolves with the snapshot once it is on disk. */
  mutate(fn: StateMutation): Promise<StackState> {
    const run = async (): Promise<StackState> => {
      if (this.unsavedState !== null) {
        const kept = fn(this.unsavedState);
        if (kept !== this.unsavedState)
          this.unsavedState = { ...kept, serial: nextSerial(this.unsavedState) };
        throw this.failure;
      }
      const proposed = fn(this.current);
      if (proposed === this.current) return this.current;
      const next: StackState = { ...proposed, serial: nextSerial(this.current) };
      try {
        await this.backend.write(next);
      } catch (err) {
        if (!isContentRefusal(err)) {
          this.failure = err;
          this.unsavedState = next;
        }
        throw err;
      }
      this.current = next;
      return next;
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Journals an intent before its transaction is sent (replacing an entry with the same id). */
  recordIntent(entry: JournalEntry): Promise<StackState> {
    // After a failed write no transaction may start: refuse before the intent reaches memory.
    if (this.failure !== null) return Promise.reject(this.failure);
    if (entry.txHash !== null) this.hashes.add(entry.txHash);
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

/** A write refused for what it carries (a bug in the caller), not because the store failed. */
function isContentRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'state/wrong-stack' || code === 'internal/invalid-state';
}
