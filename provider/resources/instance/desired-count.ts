import type { AutoscalingPolicyModel } from '../../spec/model-types.js';

/** Options of {@link desiredCount}. */
export interface DesiredCountInput {
  /** `count` as declared: the starting size when a policy scales the instance. */
  readonly declared: number;
  /** Replicas the live leases run now, null when the instance has no lease yet. */
  readonly live: number | null;
  /** The instance's autoscaling policy, null when it has none. */
  readonly policy: Pick<AutoscalingPolicyModel, 'min' | 'max'> | null;
  /** The core says the policy owns the count (`PlanResourceOptions.ignoreCount`). */
  readonly ignoreCount: boolean;
}

/**
 * Replicas the plan aims for: the declared count, unless a policy scales the instance — then the
 * live count clamped to [min, max], so a plan never undoes the autoscaler's work.
 */
export function desiredCount(input: DesiredCountInput): number {
  if (input.policy === null && !input.ignoreCount) return input.declared;
  const start = input.live ?? input.declared;
  if (input.policy === null) return start;
  return Math.min(input.policy.max, Math.max(input.policy.min, start));
}
