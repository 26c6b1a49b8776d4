import type {
  AutoscaleAction,
  AutoscaleReplacement,
  AutoscaleResourceHistory,
  CycleDecision,
  ReplicaHealthView,
} from '../../cli/provider-api.js';
import { decideHealth } from '../health/decide-health.js';
import type { ReplicaProbeResult } from '../health/run-probes.js';
import type { ScrapeObservation } from '../metrics/scrape-replicas.js';
import { toMetricSamples } from '../metrics/to-metric-samples.js';
import { decideReplicas } from '../scaling/decide-replicas.js';
import { pruneHistory } from '../scaling/prune-history.js';
import type { AutoscalingPolicyModel, HealthCheckModel } from '../spec/model-types.js';
import { parseAutoscaleMemory } from './autoscale-memory.js';
import type { AutoscaleMemory } from './autoscale-memory.js';
import { nextMemory } from './next-memory.js';
import type { ObservedReplica } from './observed-replica.js';

const HOUR_MS = 3_600_000;

/** Input of {@link decideInstance}. Pure: `now` is a parameter. */
export interface DecideInstanceInput {
  /** `instance.web`. */
  readonly address: string;
  readonly check: HealthCheckModel | null;
  readonly policy: AutoscalingPolicyModel | null;
  /** Replicas running now (the state's leases). */
  readonly current: number;
  readonly replicas: readonly ObservedReplica[];
  /** This cycle's probes and scrapes. */
  readonly probes: readonly ReplicaProbeResult[];
  readonly scrapes: readonly ScrapeObservation[];
  readonly history: AutoscaleResourceHistory;
  readonly now: number;
  readonly budget: {
    readonly maxReplicasAffordable: number | null;
    readonly label?: string | undefined;
  };
  /** A slot is mid-apply (`planned`): decide health, but change no count. @default false */
  readonly settling?: boolean | undefined;
  /** How long a replaced lease's provider stays out of the slot. @default 1 h */
  readonly exclusionMs?: number | undefined;
}

/**
 * One instance's decision for a cycle (pure): health from this cycle's probes plus the remembered
 * ones and the provider's signals (replace under `onFailure: replace` within the hourly budget,
 * one replacement per slot), then the replica count from the policy (HPA rules, cooldown,
 * budget). Returns the memory to keep for the next cycle.
 */
export function decideInstance(input: DecideInstanceInput): CycleDecision {
  const prior = parseAutoscaleMemory(input.history.memory);
  const memory = nextMemory({ prior, input });
  const health = decideReplicaHealth(input, memory, prior);
  const scaling = decideCount(input, prior);
  const action: AutoscaleAction =
    health.replace.length > 0
      ? 'replace'
      : scaling.desired > input.current
        ? 'scale-out'
        : scaling.desired < input.current
          ? 'scale-in'
          : health.views.some((h) => h.action === 'alert')
            ? 'alert'
            : 'none';
  return {
    resource: input.address,
    current: input.current,
    desired: scaling.desired,
    metrics: scaling.metrics,
    health: health.views,
    replace: health.replace,
    action,
    blockedBy: scaling.blockedBy ?? health.blockedBy,
    reasons: [...health.reasons, ...scaling.reasons],
    recommendation: scaling.recommendation,
    memory,
  };
}

interface HealthPart {
  readonly views: ReplicaHealthView[];
  readonly replace: AutoscaleReplacement[];
  readonly reasons: string[];
  readonly blockedBy: string | null;
}

function decideReplicaHealth(
  input: DecideInstanceInput,
  memory: AutoscaleMemory,
  prior: AutoscaleMemory,
): HealthPart {
  const none: HealthPart = { views: [], replace: [], reasons: [], blockedBy: null };
  if (input.check === null || input.replicas.length === 0) return none;
  const { now } = input;
  const used = input.history.replacements.filter((r) => r.at > now - HOUR_MS).length;
  const res = decideHealth({
    check: input.check,
    now,
    replacementsInLastHour: used,
    exclusionMs: input.exclusionMs,
    replicas: input.replicas.map((r) => ({
      id: r.id,
      lease: r.slot,
      provider: r.provider,
      readySince: r.startedAt ?? memory.readySince[r.id] ?? null,
      probes: memory.probes[r.id] ?? [],
      signals: {
        ready: r.ready,
        reachable: r.reachable,
        restarting: r.restartCount > (prior.restarts[r.id] ?? r.restartCount),
      },
    })),
  });
  const replace: AutoscaleReplacement[] = [];
  const reasons: string[] = [];
  const views = res.actions.map((a, i): ReplicaHealthView => {
    const r = input.replicas[i];
    const h = res.replicas[i];
    const slot = r?.slot ?? '';
    let action = a.action;
    // A slot is one lease: its first unhealthy replica orders the replacement, the rest ride on it.
    if (action === 'replace' && replace.some((x) => x.slot === slot)) action = 'none';
    else if (action === 'replace' && a.exclude !== null && r !== undefined) {
      replace.push({
        at: now,
        slot,
        leaseId: r.leaseId,
        provider: a.exclude.provider,
        excludeUntil: a.exclude.until,
      });
    }
    if (a.action !== 'none') reasons.push(`${a.replica}: ${a.reasons.join('; ')}`);
    return {
      replica: a.replica,
      slot,
      state: h?.state ?? 'unknown',
      reason: h?.reason ?? '',
      action,
    };
  });
  const exhausted = res.actions.some((a) =>
    a.reasons.some((x) => x.startsWith('replacement budget')),
  );
  return { views, replace, reasons, blockedBy: exhausted ? 'replacement-budget' : null };
}

interface CountPart {
  readonly desired: number;
  readonly metrics: CycleDecision['metrics'];
  readonly reasons: readonly string[];
  readonly blockedBy: string | null;
  readonly recommendation: CycleDecision['recommendation'];
}

function decideCount(input: DecideInstanceInput, prior: AutoscaleMemory): CountPart {
  const { policy, current, now } = input;
  if (policy === null)
    return { desired: current, metrics: [], reasons: [], blockedBy: null, recommendation: null };
  const previous = Object.entries(prior.scrapes).map(([replica, s]): ScrapeObservation => ({
    replica,
    ok: true,
    latencyMs: 0,
    at: s.at,
    samples: s.samples,
    types: {},
    problems: [],
  }));
  const samples = toMetricSamples(policy.metrics, input.scrapes, previous);
  const history = pruneHistory(
    { recommendations: input.history.recommendations, events: input.history.events },
    policy,
    now,
  );
  const res = decideReplicas({
    policy,
    current,
    now,
    history,
    budget: input.budget,
    observations: {
      metrics: samples,
      replicas: input.replicas.map((r) => ({
        id: r.id,
        ready: r.ready,
        readySince: r.startedAt ?? prior.readySince[r.id] ?? null,
      })),
    },
  });
  const metrics = res.perMetric.map((m) => ({ name: m.metric, value: m.value, target: m.target }));
  if (input.settling === true && res.desired !== current) {
    const reasons = [...res.reasons, `a slot is still being applied: staying at ${current}`];
    return {
      desired: current,
      metrics,
      reasons,
      blockedBy: 'settling',
      recommendation: res.recommendation,
    };
  }
  return {
    desired: res.desired,
    metrics,
    reasons: res.reasons.filter((r) => r !== ''),
    blockedBy: res.blockedBy,
    recommendation: res.recommendation,
  };
}
