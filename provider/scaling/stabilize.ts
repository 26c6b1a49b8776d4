import { formatDuration } from '../../common/units/index.js';
import type { Recommendation } from './scaling-types.js';

/** Input of {@link stabilize}. */
export interface StabilizeInput {
  readonly current: number;
  /** This cycle's unstabilized recommendation. */
  readonly recommendation: number;
  readonly history: readonly Recommendation[];
  readonly now: number;
  /** Milliseconds. */
  readonly scaleUpWindow: number;
  /** Milliseconds. */
  readonly scaleDownWindow: number;
}

/** The stabilized recommendation and, when it differs from the input, why. */
export interface StabilizeResult {
  readonly replicas: number;
  readonly reason: string | null;
}

/**
 * HPA's stabilization (stabilizeRecommendationWithBehaviors): a scale-up goes no higher than the
 * lowest recommendation in the scale-up window, a scale-down no lower than the highest in the
 * scale-down window — both windows include this cycle's recommendation.
 */
export function stabilize(input: StabilizeInput): StabilizeResult {
  const { current, recommendation, now } = input;
  let up = recommendation;
  let down = recommendation;
  for (const r of input.history) {
    if (r.at > now - input.scaleUpWindow && r.at <= now) up = Math.min(up, r.replicas);
    if (r.at > now - input.scaleDownWindow && r.at <= now) down = Math.max(down, r.replicas);
  }
  let replicas = current;
  if (replicas < up) replicas = up;
  if (replicas > down) replicas = down;
  if (replicas === recommendation) return { replicas, reason: null };
  if (recommendation > replicas) {
    const win = formatDuration(Math.max(0, Math.round(input.scaleUpWindow)));
    return {
      replicas,
      reason: `scale-up stabilization keeps ${replicas} (lowest recommendation in the last ${win})`,
    };
  }
  const win = formatDuration(Math.max(0, Math.round(input.scaleDownWindow)));
  return {
    replicas,
    reason: `scale-down stabilization keeps ${replicas} (highest recommendation in the last ${win})`,
  };
}
