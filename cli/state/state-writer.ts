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

/** A queued mutation and its caller's promise. */
interface Queued {
  readonly fn: StateMutation;
  readonly resolve: (s: StackState) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * The one writer of a stack's state during apply (STYLE §8, Terraform's SyncState). Concurrent
 * workers call `mutate`; mutations run one at a time in call order, and a mutation resolves only
 * once a write holding it is on disk, so the file is never behind a confirmed step. Mutations
 * queued while a write is in flight are applied in order and written TOGETHER as the next write
 * (group commit, one serial bump per write): a burst of 100 slots journalling their orders costs
 * a few writes, not 100 one after another. A failed mutation (its function threw) rejects only
 * its own caller; a failed write rejects the callers it held and leaves the snapshot as it was.
 */
export class StateWriter {
  private current: StackState;
  private readonly queue: Queued[] = [];
  private flushing: Promise<void> | null = null;
  private unsavedState: StackState | null = null;
  private failure: unknown = null;
  private readonly hashes = new Set<string>();
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
    return new Promise<StackState>((resolve, reject) => {
      this.queue.push({ fn, resolve, reject });
      // Started a microtask later, so mutations queued in the same turn share the first write.
      this.flushing ??= Promise.resolve().then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0);
      if (this.unsavedState !== null) {
        this.keepUnsaved(group);
        continue;
      }
      let proposed = this.current;
      const held: Queued[] = [];
      for (const q of group) {
        try {
          proposed = q.fn(proposed);
          held.push(q);
        } catch (err) {
          q.reject(err);
        }
      }
      if (proposed === this.current) {
        for (const q of held) q.resolve(this.current);
        continue;
      }
      const next: StackState = { ...proposed, serial: nextSerial(this.current) };
      try {
        await this.backend.write(next);
        this.current = next;
        for (const q of held) q.resolve(next);
      } catch (err) {
        if (!isContentRefusal(err)) {
          this.failure = err;
          this.unsavedState = next;
        }
        for (const q of held) q.reject(err);
      }
    }
    this.flushing = null;
  }

  /** After a write failure: mutations are kept in memory for errored.state.json and rejected. */
  private keepUnsaved(group: readonly Queued[]): void {
    for (const q of group) {
      try {
        const base = this.unsavedState ?? this.current;
        const kept = q.fn(base);
        if (kept !== base) this.unsavedState = { ...kept, serial: nextSerial(base) };
        q.reject(this.failure);
      } catch (err) {
        q.reject(err);
      }
    }
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
    while (this.flushing !== null) await this.flushing;
  }
}

/** A write refused for what it carries (a bug in the caller), not because the store failed. */
function isContentRefusal(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'state/wrong-stack' || code === 'internal/invalid-state';
}
