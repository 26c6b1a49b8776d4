/** The controller's cycle: what it observed, what it decided, and the history it keeps between cycles. */
import type { Diagnostics } from '../diag/index.js';
import type { StackState } from '../state/state-types.js';
import type { ModelView } from './stack.js';

/** What the controller did or would do about one instance this cycle. */
export type AutoscaleAction = 'none' | 'scale-out' | 'scale-in' | 'replace' | 'alert';

/** A replacement ordered by the controller, and how long its provider stays out of the slot. */
export interface AutoscaleReplacement {
  /** ms since the epoch. */
  readonly at: number;
  /** Slot address, `instance.web[1]`. */
  readonly slot: string;
  readonly leaseId: string;
  /** The replaced lease's provider (lowercase), excluded from the slot until `excludeUntil` (ms). */
  readonly provider: string;
  readonly excludeUntil: number;
}

/** The controller's memory of one instance between cycles. */
export interface AutoscaleResourceHistory {
  /** Unstabilized recommendations (HPA's stabilization windows read them). */
  readonly recommendations: readonly { readonly at: number; readonly replicas: number }[];
  /** Applied changes of the replica count. */
  readonly events: readonly { readonly at: number; readonly from: number; readonly to: number }[];
  readonly replacements: readonly AutoscaleReplacement[];
  /** Provider-defined, JSON-serialisable: recent probes, last scrapes, readiness times. */
  readonly memory: unknown;
}

/** One decision as the controller logged it (`--json` event and history entry). */
export interface AutoscaleDecisionEvent {
  readonly type: 'decision';
  /** ISO time. */
  readonly at: string;
  /** Instance address. */
  readonly resource: string;
  readonly current: number;
  readonly desired: number;
  readonly metrics: readonly {
    readonly name: string;
    readonly value: number | null;
    readonly target: number;
  }[];
  readonly health: readonly ReplicaHealthView[];
  readonly action: AutoscaleAction;
  /** The rule that held the count (`budget`, `cooldown`, …) or stopped a replacement; null if none. */
  readonly blockedBy: string | null;
  readonly reasons: readonly string[];
  /** `applied`, `failed` or `skipped` (nothing to do, or a dry decision); absent before apply. */
  readonly outcome?: 'applied' | 'failed' | 'skipped' | undefined;
}

/** The autoscale history of a stack (`<state dir>/<stack>.autoscale.json`), bounded in size. */
export interface AutoscaleHistory {
  readonly formatVersion: 1;
  readonly stack: string;
  /** By instance address. */
  readonly resources: Readonly<Record<string, AutoscaleResourceHistory>>;
  /** The most recent decisions, oldest first. */
  readonly decisions: readonly AutoscaleDecisionEvent[];
}

/** One replica's health as a decision reports it. */
export interface ReplicaHealthView {
  /** `instance.web[0]#1`: slot address and replica index. */
  readonly replica: string;
  readonly slot: string;
  readonly state: 'starting' | 'grace' | 'healthy' | 'unhealthy' | 'unknown';
  readonly reason: string;
  readonly action: 'replace' | 'alert' | 'none';
}

/** The input of `ProviderSession.observe`. */
export interface ObserveRequest {
  /** Freshly refreshed. */
  readonly state: StackState;
  readonly model: ModelView;
  readonly history: AutoscaleHistory;
  /** ms since the epoch: the cycle's clock. */
  readonly now: number;
}

/** One instance's decision for this cycle, with every reason. */
export interface CycleDecision {
  /** Instance address. */
  readonly resource: string;
  /** Replicas running now. */
  readonly current: number;
  /** Replicas wanted (= current without a policy). */
  readonly desired: number;
  readonly metrics: AutoscaleDecisionEvent['metrics'];
  readonly health: readonly ReplicaHealthView[];
  /** Slots to replace now, each with the provider to exclude. */
  readonly replace: readonly AutoscaleReplacement[];
  readonly action: AutoscaleAction;
  readonly blockedBy: string | null;
  readonly reasons: readonly string[];
  /** Append to the history's recommendations; null when the metrics gave none. */
  readonly recommendation: { readonly at: number; readonly replicas: number } | null;
  /** The new provider-defined memory to store for the next cycle. */
  readonly memory: unknown;
}

/** What `ProviderSession.observe` returns. */
export interface ObserveResponse {
  readonly decisions: readonly CycleDecision[];
  readonly diagnostics: Diagnostics;
}
