import type { Action, ChangeReason } from '../../../cli/plan/plan-types.js';

/** Facts about one slot that decide its action; every field is already computed. */
export interface DecideSlotChangeInput {
  /** The spec wants this slot. */
  readonly desired: boolean;
  /** State holds a lease (or a planned order) for this slot. */
  readonly prior: boolean;
  /** The resource is still in the spec (a prior-only slot then scales in). */
  readonly resourceDesired: boolean;
  /** The resource existed in state before (a desired-only slot is then missing or new). */
  readonly resourceExisted: boolean;
  /** The slot is beyond what the prior attributes mapped: the count or regions grew. */
  readonly newSlot: boolean;
  /** Paths under REPLACE_ROOTS that differ. */
  readonly replacePaths: readonly string[];
  /** Paths under UPDATE_ROOTS (and `replicas`) that differ, and secrets whose value changed. */
  readonly updatePaths: readonly string[];
  readonly tainted: boolean;
  /** `--replace` named the resource or this slot. */
  readonly replaceRequested: boolean;
  readonly createBeforeDestroy: boolean;
  /** The slot holds only the `planned` record of an interrupted apply, which the create resumes. */
  readonly resuming?: boolean | undefined;
}

/** What {@link decideSlotChange} decided. */
export interface DecideSlotChangeResult {
  readonly action: Action;
  readonly reason?: ChangeReason | undefined;
  readonly replacePaths?: readonly string[] | undefined;
}

/**
 * One slot's action: create, delete, replace (with the paths that force it), update, or no-op.
 * Precedence: replace paths, tainted, `--replace`, update paths. Replacement order follows
 * `createBeforeDestroy`. `prevent_destroy` is the caller's check, because it turns the delete into
 * an error rather than another action.
 */
export function decideSlotChange(input: DecideSlotChangeInput): DecideSlotChangeResult {
  if (input.desired && !input.prior) return { action: 'create', ...createReason(input) };
  if (!input.desired) {
    if (!input.prior) return { action: 'no-op' };
    return {
      action: 'delete',
      reason: input.resourceDesired ? 'scale-in' : 'delete-because-no-config',
    };
  }
  const replace = input.createBeforeDestroy ? 'create-then-delete' : 'delete-then-create';
  if (input.replacePaths.length > 0) {
    return {
      action: replace,
      reason: 'replace-because-cannot-update',
      replacePaths: input.replacePaths,
    };
  }
  // Tainted and requested replacements win over an in-place update (Terraform's order): the new
  // lease gets the new attributes anyway, and updating a lease the user wants gone helps no one.
  if (input.tainted) return { action: replace, reason: 'replace-because-tainted' };
  if (input.replaceRequested) return { action: replace, reason: 'replace-by-request' };
  if (input.updatePaths.length > 0) return { action: 'update' };
  return { action: 'no-op' };
}

function createReason(input: DecideSlotChangeInput): { reason?: ChangeReason } {
  // Checked first: a resumed slot is neither missing from the chain nor new.
  if (input.resuming === true) return { reason: 'resume-interrupted' };
  if (!input.resourceExisted) return {};
  return { reason: input.newSlot ? 'scale-out' : 'create-because-missing' };
}
