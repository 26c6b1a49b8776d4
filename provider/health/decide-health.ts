import { formatDuration } from '../../common/units/index.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import type { HealthActionKind } from './health-types.js';
import { evaluateReplicaHealth } from './replica-health.js';
import type { ReplicaHealth, ReplicaHealthInput } from './replica-health.js';

/** How long a replaced replica's provider stays out of its slot when not told otherwise: 1 h. */
export const DEFAULT_EXCLUSION_MS = 3_600_000;

/** Input of {@link decideHealth}. Pure: `now` is a parameter. */
export interface DecideHealthInput {
  readonly check: HealthCheckModel;
  readonly replicas: readonly ReplicaHealthInput[];
  /** Milliseconds since the epoch. */
  readonly now: number;
  /** Replacements this check already ordered in the hour before `now`. */
  readonly replacementsInLastHour: number;
  /** @default 3600000 (1 h) */
  readonly exclusionMs?: number | undefined;
}

/** The action for one replica's lease, with the placement exclusion a replacement carries. */
export interface HealthAction {
  readonly replica: string;
  readonly action: HealthActionKind;
  readonly reasons: readonly string[];
  /** Keep this provider out of the replica's slot until `until` (ms); null unless replacing. */
  readonly exclude: { readonly provider: string; readonly until: number } | null;
}

/** Every replica's health and the action for each. */
export interface DecideHealthResult {
  readonly replicas: readonly ReplicaHealth[];
  readonly actions: readonly HealthAction[];
  /** Replacements still allowed this hour after these actions. */
  readonly replacementsLeft: number;
}

/**
 * Health decisions for one health check (pure): each replica's state from its probes and provider
 * signals; an unhealthy replica is replaced under `onFailure: replace` while the hourly replacement
 * budget lasts (then alerted, so a flapping replica is not replaced endlessly), alerted under `alert`.
 * @example decideHealth({ check, replicas, now: Date.now(), replacementsInLastHour: 0 })
 */
export function decideHealth(input: DecideHealthInput): DecideHealthResult {
  const { check, now } = input;
  const exclusion = input.exclusionMs ?? DEFAULT_EXCLUSION_MS;
  let used = input.replacementsInLastHour;
  // The budget counts leases replaced, not replicas: a lease's second failing replica rides along.
  const replacedLeases = new Set<string>();
  const replicas = input.replicas.map((r) => evaluateReplicaHealth(check, r, now));
  const actions = replicas.map((h, i): HealthAction => {
    const none = { replica: h.id, exclude: null };
    const lease = input.replicas[i]?.lease;
    if (h.state !== 'unhealthy')
      return { ...none, action: 'none', reasons: [`${h.state}: ${h.reason}`] };
    const why = `unhealthy: ${h.reason}`;
    if (check.onFailure === 'alert')
      return { ...none, action: 'alert', reasons: [why, 'onFailure is alert'] };
    if (lease !== undefined && replacedLeases.has(lease) && check.onFailure === 'replace') {
      return {
        replica: h.id,
        action: 'replace',
        reasons: [why, `its lease ${lease} is already being replaced (counted once)`],
        exclude: { provider: input.replicas[i]?.provider ?? '', until: now + exclusion },
      };
    }
    if (used >= check.maxReplacementsPerHour) {
      return {
        ...none,
        action: 'alert',
        reasons: [why, `replacement budget exhausted: ${used} in the last hour`],
      };
    }
    used += 1;
    if (lease !== undefined) replacedLeases.add(lease);
    const excluded = formatDuration(Math.max(0, Math.round(exclusion)));
    return {
      replica: h.id,
      action: 'replace',
      reasons: [
        why,
        `replacing its lease (${used} of ${check.maxReplacementsPerHour} lease replacements this hour); provider excluded from the slot for ${excluded}`,
      ],
      exclude: { provider: input.replicas[i]?.provider ?? '', until: now + exclusion },
    };
  });
  return { replicas, actions, replacementsLeft: Math.max(0, check.maxReplacementsPerHour - used) };
}
