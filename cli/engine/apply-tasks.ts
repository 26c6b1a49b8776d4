import type { Change } from '../plan/plan-types.js';

/** One planned change to run, with what must settle before it. */
export interface ApplyTask {
  /** Index in the task list. */
  readonly id: number;
  readonly change: Change;
  /** Tasks that must have settled (done or not) first: ordering only. */
  readonly after: readonly number[];
  /** Tasks that must have succeeded first: when one did not, this one is not started. */
  readonly needs: readonly number[];
}

/** The changes of a plan and the resources each resource refers to. */
export interface BuildApplyTasksInput {
  readonly changes: readonly Change[];
  /** Resource address → resource addresses it refers to (a health check's `instance`). */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

const isDelete = (c: Change): boolean => c.action === 'delete';
/** A create or a replacement: the slot is served by a new lease only once it succeeded. */
const makesLease = (c: Change): boolean =>
  c.action === 'create' || c.action === 'create-then-delete' || c.action === 'delete-then-create';

/**
 * The apply graph: creates, updates and replacements run in parallel, a resource
 * that refers to another after all of that one's non-delete changes succeeded; every delete waits
 * for all non-delete changes, and a referenced resource's deletes wait for its referrers' deletes
 * (a health check goes before its instance). A delete of a slot whose new lease another change
 * makes (the old lease a crashed replacement left, beside the create that resumes the new one)
 * needs that change to succeed, not only to settle: the old lease serves until the new one does.
 * No-ops and reads are not tasks.
 */
export function buildApplyTasks(input: BuildApplyTasksInput): ApplyTask[] {
  const active = input.changes.filter((c) => c.action !== 'no-op' && c.action !== 'read');
  const ids = active.map((_, i) => i);
  const deps = (resource: string): readonly string[] => input.dependencies.get(resource) ?? [];
  const nonDeletes = ids.filter((i) => !isDelete(active[i] as Change));
  return active.map((change, id) => {
    if (!isDelete(change)) {
      const refs = deps(change.resource);
      const needs = nonDeletes.filter((j) => refs.includes((active[j] as Change).resource));
      return { id, change, after: [], needs };
    }
    const referrerDeletes = ids.filter((j) => {
      const other = active[j] as Change;
      return isDelete(other) && j !== id && deps(other.resource).includes(change.resource);
    });
    const sameSlot = nonDeletes.filter((j) => {
      const other = active[j] as Change;
      return other.address === change.address && makesLease(other);
    });
    const after = [...nonDeletes, ...referrerDeletes].filter((j) => !sameSlot.includes(j));
    return { id, change, after, needs: sameSlot };
  });
}
