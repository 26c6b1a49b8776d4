import { formatDuration } from '../../common/units/index.js';
import type { ScalingRulesModel } from '../spec/model-types.js';
import type { ScaleEvent } from './scaling-types.js';

/** Input of {@link applyBehavior}. */
export interface ApplyBehaviorInput {
  readonly current: number;
  /** The stabilized recommendation. */
  readonly desired: number;
  readonly scaleUp: ScalingRulesModel;
  readonly scaleDown: ScalingRulesModel;
  readonly events: readonly ScaleEvent[];
  readonly now: number;
}

/** The count the rate policies allow and, when they cut the move, why. */
export interface ApplyBehaviorResult {
  readonly replicas: number;
  /** The policy limit in the direction of the move (current when scaling is disabled). */
  readonly limit: number | null;
  readonly reason: string | null;
}

type Policy = ScalingRulesModel['policies'][number];

/**
 * HPA's rate limits (convertDesiredReplicasWithBehaviorRate): each policy allows a change from the
 * count at the start of its period (current minus the changes made within it); selectPolicy Max
 * takes the largest allowed change, Min the smallest, Disabled none.
 */
export function applyBehavior(input: ApplyBehaviorInput): ApplyBehaviorResult {
  const { current, desired } = input;
  if (desired === current) return { replicas: current, limit: null, reason: null };
  const up = desired > current;
  const rules = up ? input.scaleUp : input.scaleDown;
  const dir = up ? 'scale-up' : 'scale-down';
  if (rules.selectPolicy === 'Disabled' || rules.policies.length === 0) {
    return { replicas: current, limit: current, reason: `${dir} disabled by policy` };
  }
  const proposals = rules.policies.map((p) => ({
    policy: p,
    limit: policyLimit(p, up, periodStart(current, p.period, input.events, input.now)),
  }));
  // Max picks the largest change: the highest limit up, the lowest down; Min the reverse.
  const pickHigh = up === (rules.selectPolicy === 'Max');
  const chosen = proposals.reduce((a, b) =>
    pickHigh ? (b.limit > a.limit ? b : a) : b.limit < a.limit ? b : a,
  );
  // Changes already made in the period may put the limit behind current: then hold, never reverse.
  const limit = up ? Math.max(chosen.limit, current) : Math.min(chosen.limit, current);
  if (up ? desired <= limit : desired >= limit) return { replicas: desired, limit, reason: null };
  return {
    replicas: limit,
    limit,
    reason: `${dir} limited by policy ${describePolicy(chosen.policy)} to ${limit}`,
  };
}

/** The replica count at the start of the period: current minus every change made within it. */
function periodStart(
  current: number,
  period: number,
  events: readonly ScaleEvent[],
  now: number,
): number {
  let start = current;
  for (const e of events) if (e.at > now - period && e.at <= now) start -= e.to - e.from;
  return start;
}

function policyLimit(p: Policy, up: boolean, start: number): number {
  if (p.type === 'Replicas') return up ? start + p.value : start - p.value;
  // Rounded towards more change, as HPA does, so a small count can still move.
  return up
    ? Math.ceil(start * (1 + p.value / 100) - 1e-9)
    : Math.floor(start * (1 - p.value / 100) + 1e-9);
}

/** `Percent 100%/15s` or `Replicas 4/1m`. */
export function describePolicy(p: Policy): string {
  const per = formatDuration(Math.max(0, Math.round(p.period)));
  return p.type === 'Percent' ? `Percent ${p.value}%/${per}` : `Replicas ${p.value}/${per}`;
}
