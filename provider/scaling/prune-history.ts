import type { AutoscalingPolicyModel } from '../spec/model-types.js';
import type { ScalingHistory } from './scaling-types.js';

/**
 * Drops what no rule can look at any more: recommendations older than both stabilization
 * windows, scale events older than every policy period and the cooldown. Keeps the newest event
 * so the cooldown always knows the last change.
 */
export function pruneHistory(
  history: ScalingHistory,
  policy: AutoscalingPolicyModel,
  now: number,
): ScalingHistory {
  const window = Math.max(policy.scaleUp.stabilizationWindow, policy.scaleDown.stabilizationWindow);
  const periods = [...policy.scaleUp.policies, ...policy.scaleDown.policies].map((p) => p.period);
  const eventSpan = Math.max(policy.cooldown, ...periods);
  const newest = history.events.reduce((a, e) => Math.max(a, e.at), -Infinity);
  return {
    recommendations: history.recommendations.filter((r) => r.at > now - window),
    events: history.events.filter((e) => e.at > now - eventSpan || e.at === newest),
  };
}
