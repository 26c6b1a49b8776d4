import { warningDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { ModelView } from '../provider-api.js';
import type { StackState } from '../state/state-types.js';
import { collectPlanUnits, resourceOf } from './resource-graph.js';

/**
 * The resources of `instance` — the instance and what refers to it (its health check, its policy)
 * — whose spec, as `model` reads it now, differs from what the state last applied (pure): a model
 * hash other than the state's, or a resource only one of them has. Empty when the state holds
 * exactly the configuration of the model: then acting on the model changes only what the
 * controller means to change (a count, a replacement).
 *
 * The autoscale controller's rule: it acts only on configuration a human has applied, so it never
 * reverts a newer `apply` (its model is reloaded every cycle) nor applies an edit nobody reviewed.
 */
export function findUnappliedEdits(
  model: ModelView,
  state: StackState,
  instance: string,
): string[] {
  return collectPlanUnits(model, state)
    .filter((u) => u.address === instance || u.dependsOn.includes(instance))
    .filter((u) => u.desired?.hash !== u.prior?.modelHash)
    .map((u) => u.address)
    .sort();
}

/**
 * {@link findUnappliedEdits} over several targets (slot addresses count as their resource); with
 * no target, over every resource of the model and the state.
 */
export function findUnappliedTargets(
  model: ModelView,
  state: StackState,
  targets: readonly string[],
): string[] {
  if (targets.length === 0)
    return collectPlanUnits(model, state)
      .filter((u) => u.desired?.hash !== u.prior?.modelHash)
      .map((u) => u.address)
      .sort();
  const instances = [...new Set(targets.map(resourceOf))];
  return [...new Set(instances.flatMap((i) => findUnappliedEdits(model, state, i)))].sort();
}

/** The one sentence a held-back decision carries in its reasons. */
export function unappliedReason(addresses: readonly string[]): string {
  return `held: the spec on disk differs from the last apply of ${addresses.join(', ')}; the controller acts only on applied configuration`;
}

/** The code of {@link unappliedSpecWarning}. */
export const UNAPPLIED_SPEC = 'autoscale/unapplied-spec';

/** `autoscale/unapplied-spec` (a warning): changes to `addresses` are held back. */
export function unappliedSpecWarning(addresses: readonly string[]): Diagnostic {
  return warningDiag({
    code: UNAPPLIED_SPEC,
    summary: 'Spec differs from the last apply',
    detail: `The spec on disk declares ${addresses.join(', ')} otherwise than the state last applied. The controller acts only on configuration that was applied, so it neither reverts a newer apply nor applies an unreviewed edit: scaling and replacement of the instances concerned wait until the spec and the state agree again.`,
    hint: 'Review the change with `leasehold plan` and apply it with `leasehold apply`, or undo the edit.',
  });
}
