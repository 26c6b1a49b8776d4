import { LeaseholdError } from '../diag/index.js';
import { lockWho } from './lock-holder.js';
import type { StackState, StateBackend } from './state-types.js';

interface LockOpts {
  readonly timeoutMs: number;
  readonly version: string;
}

async function locked<T>(
  backend: StateBackend,
  operation: string,
  o: LockOpts,
  fn: () => Promise<T>,
): Promise<T> {
  const lock = await backend.acquireLock(
    { operation, who: lockWho(), version: o.version },
    o.timeoutMs,
  );
  try {
    return await fn();
  } finally {
    await backend.releaseLock(lock.id);
  }
}

/**
 * `state push FILE`: writes a state (errored.state.json, a pulled version) to the backend, holding
 * the lock, only when its lineage matches the stored one and it is not older (`--force` allows an
 * older serial, never another lineage). Returns the state as written (serial past the stored one).
 */
export async function pushState(
  opts: {
    readonly backend: StateBackend;
    readonly state: StackState;
    readonly force: boolean;
  } & LockOpts,
): Promise<StackState> {
  return locked(opts.backend, 'state push', opts, async () => {
    const current = await opts.backend.read();
    if (current !== null && current.lineage !== opts.state.lineage)
      throw new LeaseholdError({
        code: 'state/lineage-mismatch',
        summary: 'The pushed state belongs to another lineage',
        detail: `${opts.backend.location} holds lineage ${current.lineage}; the file has lineage ${opts.state.lineage}. Pushing it would replace another history. Nothing was written.`,
        hint: 'Push a state of this stack (errored.state.json, or one from `leasehold state pull`); to move a whole stack use `leasehold state migrate`.',
      });
    if (current !== null && opts.state.serial <= current.serial && !opts.force)
      throw new LeaseholdError({
        code: 'state/push-older',
        summary: 'The pushed state is not newer than the stored one',
        detail: `${opts.backend.location} is at serial ${current.serial}; the file is at serial ${opts.state.serial}. Nothing was written.`,
        hint: 'Pull the current state and apply again; pass --force only to roll back on purpose.',
      });
    const serial =
      current === null ? opts.state.serial : Math.max(opts.state.serial, current.serial + 1);
    const next = { ...opts.state, serial };
    await opts.backend.write(next);
    return next;
  });
}

/** What `state migrate` did. */
export interface MigrateStateResult {
  /** `copied`, or `already` when the destination holds the same lineage and serial. */
  readonly outcome: 'copied' | 'already' | 'empty';
  readonly serial: number | null;
  readonly lineage: string | null;
}

/**
 * `state migrate --to`: copies a stack's state from one backend to another keeping lineage and
 * serial, holding both locks. Refuses (`state/migrate-conflict`) when the destination holds a
 * different state; does nothing when it already holds this one.
 */
export async function migrateState(
  opts: {
    readonly from: StateBackend;
    readonly to: StateBackend;
  } & LockOpts,
): Promise<MigrateStateResult> {
  return locked(opts.from, 'state migrate', opts, () =>
    locked(opts.to, 'state migrate', opts, async () => {
      const source = await opts.from.read();
      const dest = await opts.to.read();
      if (source === null) return { outcome: 'empty', serial: null, lineage: null };
      if (dest !== null) {
        if (dest.lineage === source.lineage && dest.serial === source.serial)
          return { outcome: 'already', serial: dest.serial, lineage: dest.lineage };
        throw new LeaseholdError({
          code: 'state/migrate-conflict',
          summary: 'Both backends hold a state, and they differ',
          detail: `${opts.from.location} is at serial ${source.serial} of lineage ${source.lineage}; ${opts.to.location} is at serial ${dest.serial} of lineage ${dest.lineage}. Nothing was copied.`,
          hint: 'Decide which one is right; `leasehold state pull` the other for safekeeping, then remove it before migrating.',
        });
      }
      await opts.to.write(source);
      return { outcome: 'copied', serial: source.serial, lineage: source.lineage };
    }),
  );
}
