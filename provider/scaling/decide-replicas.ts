import { formatDuration } from '../../common/units/index.js';
import type { AutoscalingPolicyModel } from '../spec/model-types.js';
import { applyBehavior } from './apply-behavior.js';
import { computeMetricProposal } from './metric-ratio.js';
import type { MetricProposal } from './metric-ratio.js';
import { metricKey } from './scaling-types.js';
import type {
  Recommendation,
  ScalingBlock,
  ScalingHistory,
  ScalingObservations,
} from './scaling-types.js';
import { stabilize } from './stabilize.js';

/** Input of {@link decideReplicas}. Pure: `now` is a parameter. */
export interface DecideReplicasInput {
  readonly policy: AutoscalingPolicyModel;
  /** Replicas running now (leases in state). */
  readonly current: number;
  readonly observations: ScalingObservations;
  readonly history: ScalingHistory;
  /** Milliseconds since the epoch. */
  readonly now: number;
  readonly budget: {
    /** The most replicas the stack budget pays for; null when there is no budget. */
    readonly maxReplicasAffordable: number | null;
    /** The budget as users wrote it, for the reason: `max 10 USDT/h`. */
    readonly label?: string | undefined;
  };
  /** @default 0.1 */
  readonly tolerance?: number | undefined;
}

/** One metric's part of the decision. */
export interface PerMetricDecision {
  readonly metric: string;
  readonly value: number | null;
  readonly target: number;
  readonly proposal: number | null;
}

/** The decision, with every reason, for logs and `--json` events. */
export interface DecideReplicasResult {
  readonly desired: number;
  /** What the metrics asked for, before stabilization, policies, limits, cooldown and budget. */
  readonly unclampedDesired: number;
  readonly perMetric: readonly PerMetricDecision[];
  readonly reasons: readonly string[];
  /** The last rule that held the count away from what the metrics asked for; null if none did. */
  readonly blockedBy: ScalingBlock | null;
  /** Append to `history.recommendations`; null when the metrics gave none (HPA records none either). */
  readonly recommendation: Recommendation | null;
}

interface Step {
  readonly replicas: number;
  readonly blockedBy: ScalingBlock | null;
  readonly reasons: readonly string[];
}

/**
 * The replica count an autoscaling policy asks for: Kubernetes HPA's algorithm (per-metric ratio,
 * tolerance, missing-metric and not-ready rules, max over metrics, stabilization windows, rate
 * policies, min/max), then Leasehold's cooldown after any change and the budget ceiling.
 * @example decideReplicas({ policy, current: 1, observations, history, now, budget: { maxReplicasAffordable: null } })
 */
export function decideReplicas(input: DecideReplicasInput): DecideReplicasResult {
  const { policy, current } = input;
  const proposals = policy.metrics.map((metric) =>
    computeMetricProposal({
      metric,
      samples:
        input.observations.metrics.find((m) => metricKey(m.metric) === metricKey(metric))
          ?.samples ?? null,
      replicas: input.observations.replicas,
      current,
      tolerance: input.tolerance,
    }),
  );
  const perMetric = proposals.map(({ metric, value, target, proposal }) => ({
    metric,
    value,
    target,
    proposal,
  }));
  const base = { perMetric, unclampedDesired: current };
  const metricReasons = proposals.map((p) => p.reason);
  if (current < policy.min || current > policy.max) {
    const to = current < policy.min ? policy.min : policy.max;
    const which = current < policy.min ? 'below min' : 'above max';
    const range: Step = {
      replicas: to,
      blockedBy: current < policy.min ? 'min' : 'max',
      reasons: [`current ${current} is ${which} ${to} → ${to}`],
    };
    const step = withBudget(input, range);
    return {
      ...base,
      desired: step.replicas,
      reasons: [...metricReasons, ...step.reasons],
      blockedBy: step.blockedBy,
      recommendation: null,
    };
  }
  const raw = combineMetrics(proposals, current);
  if (raw.replicas === null) {
    return {
      ...base,
      desired: current,
      reasons: [...metricReasons, raw.reason],
      blockedBy: 'metrics',
      recommendation: null,
    };
  }
  const step = afterMetrics(input, raw.replicas, raw.held);
  return {
    ...base,
    desired: step.replicas,
    unclampedDesired: raw.replicas,
    reasons: [...metricReasons, ...step.reasons],
    blockedBy: step.blockedBy,
    recommendation: { at: input.now, replicas: raw.replicas },
  };
}

/** Max over the metrics; unusable metrics stop everything but a scale-up (HPA's rule). */
function combineMetrics(
  proposals: readonly MetricProposal[],
  current: number,
): { replicas: number; held: boolean; reason: string } | { replicas: null; reason: string } {
  const valid = proposals.filter((p) => p.proposal !== null);
  const invalid = proposals.filter((p) => p.proposal === null).map((p) => p.metric);
  if (valid.length === 0)
    return { replicas: null, reason: `no usable metric → stays at ${current}` };
  const replicas = Math.max(...valid.map((p) => p.proposal ?? 0));
  if (invalid.length > 0 && replicas < current) {
    return {
      replicas: null,
      reason: `${invalid.join(', ')} missing and the others suggest scale-down → stays at ${current}`,
    };
  }
  const held = replicas === current && valid.some((p) => p.held);
  return { replicas, held, reason: '' };
}

/** Stabilization, rate policies, min/max, cooldown, budget: each step may hold the count. */
function afterMetrics(input: DecideReplicasInput, raw: number, held: boolean): Step {
  const { policy, current, now } = input;
  const reasons: string[] = [];
  let blockedBy: ScalingBlock | null = held ? 'tolerance' : null;
  const stable = stabilize({
    current,
    recommendation: raw,
    history: input.history.recommendations,
    now,
    scaleUpWindow: policy.scaleUp.stabilizationWindow,
    scaleDownWindow: policy.scaleDown.stabilizationWindow,
  });
  if (stable.reason !== null) blockedBy = push(reasons, stable.reason, 'stabilization');
  const rated = applyBehavior({
    current,
    desired: stable.replicas,
    scaleUp: policy.scaleUp,
    scaleDown: policy.scaleDown,
    events: input.history.events,
    now,
  });
  if (rated.reason !== null) blockedBy = push(reasons, rated.reason, 'policy');
  let replicas = rated.replicas;
  if (replicas > policy.max) {
    blockedBy = push(reasons, `limited to max ${policy.max}`, 'max');
    replicas = policy.max;
  } else if (replicas < policy.min) {
    blockedBy = push(reasons, `limited to min ${policy.min}`, 'min');
    replicas = policy.min;
  }
  const last = input.history.events.reduce<number | null>(
    (a, e) => (a === null || e.at > a ? e.at : a),
    null,
  );
  if (replicas !== current && last !== null && now - last < policy.cooldown) {
    const ago = formatDuration(Math.max(0, Math.round((now - last) / 1000)) * 1000);
    blockedBy = push(
      reasons,
      `cooldown: last change ${ago} ago, cooldown ${formatDuration(policy.cooldown)}`,
      'cooldown',
    );
    replicas = current;
  }
  return withBudget(input, { replicas, blockedBy, reasons });
}

/** The budget is a hard ceiling on growth; it never forces a scale-in (plan's budget check does). */
function withBudget(input: DecideReplicasInput, step: Step): Step {
  const cap = input.budget.maxReplicasAffordable;
  if (cap === null || step.replicas <= input.current || step.replicas <= cap) return step;
  const label = input.budget.label === undefined ? '' : ` (${input.budget.label})`;
  const replicas = Math.max(input.current, cap);
  const refused = `budget allows at most ${cap} replicas${label}: scale-out to ${step.replicas} refused`;
  return {
    replicas,
    blockedBy: 'budget',
    reasons: [
      ...step.reasons,
      replicas > input.current ? `${refused}, going to ${replicas}` : refused,
    ],
  };
}

function push(reasons: string[], reason: string, block: ScalingBlock): ScalingBlock {
  reasons.push(reason);
  return block;
}
