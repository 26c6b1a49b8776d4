import { warningDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import type { AutoscalingPolicyModel } from '../../spec/model-types.js';

/** Options of {@link countManagedNote}. */
export interface CountManagedNoteInput {
  /** `instance.web`. */
  readonly address: string;
  readonly name: string;
  /** `count` as the spec declares it now. */
  readonly declared: number;
  /** `count` as last applied; undefined when the instance was never applied. */
  readonly priorDeclared: number | undefined;
  /** Replicas the plan keeps (the live count clamped to the policy's bounds). */
  readonly planned: number;
  readonly policy: Pick<AutoscalingPolicyModel, 'min' | 'max'> | null;
}

/**
 * The warning that a `count` edit plans nothing because the autoscaling policy owns the count
 * (pure); null when no policy governs the instance, the count was not edited since the last
 * apply, or the edit happens to match what the plan keeps.
 */
export function countManagedNote(input: CountManagedNoteInput): Diagnostic | null {
  const { policy } = input;
  if (policy === null || input.priorDeclared === undefined) return null;
  if (input.declared === input.priorDeclared || input.declared === input.planned) return null;
  return warningDiag({
    code: 'plan/count-managed-by-autoscaling',
    summary: 'Count is managed by the autoscaling policy',
    detail: `count is managed by the autoscaling policy (now ${input.planned}, bounds ${policy.min}–${policy.max}); change min/max to change it. The edit of count from ${input.priorDeclared} to ${input.declared} plans nothing.`,
    hint: `Change autoscaling.min or autoscaling.max of ${JSON.stringify(input.name)} to change the replica count.`,
    path: `instances.${input.name}.count`,
    address: input.address,
  });
}
