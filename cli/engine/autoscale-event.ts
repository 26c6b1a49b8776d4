import type { AutoscaleDecisionEvent, CycleDecision } from '../provider-api.js';

/** A decision as the `--json` event and history entry carry it (pure). */
export function toAutoscaleEvent(
  d: CycleDecision,
  at: Date,
  outcome: AutoscaleDecisionEvent['outcome'],
): AutoscaleDecisionEvent {
  return {
    type: 'decision',
    at: at.toISOString(),
    resource: d.resource,
    current: d.current,
    desired: d.desired,
    metrics: d.metrics,
    health: d.health,
    action: d.action,
    blockedBy: d.blockedBy,
    reasons: d.reasons,
    ...(outcome === undefined ? {} : { outcome }),
  };
}

/**
 * The plain lines of a decision (pure): a head line with time, resource, count, action and
 * metrics, then one indented line per reason — one per replica decision — so a cycle with many
 * replicas reads as a list, not one long line.
 * @example "12:00:05 instance.web 2 → 5 scale-out (rps 24.1/5) applied\n  - instance.web[0]#0: …"
 */
export function formatAutoscaleEvent(e: AutoscaleDecisionEvent): string {
  const time = e.at.slice(11, 19);
  const count = e.current === e.desired ? `${e.current}` : `${e.current} → ${e.desired}`;
  const metrics = e.metrics
    .map((m) => `${m.name} ${m.value === null ? '?' : round(m.value)}/${round(m.target)}`)
    .join(', ');
  const unhealthy = e.health.filter((h) => h.state === 'unhealthy').length;
  const parts = [
    time,
    e.resource,
    count,
    e.action,
    ...(metrics === '' ? [] : [`(${metrics})`]),
    ...(unhealthy > 0 ? [`${unhealthy} unhealthy`] : []),
    ...(e.outcome === undefined || e.outcome === 'skipped' ? [] : [e.outcome]),
    ...(e.blockedBy === null ? [] : [`[blocked by ${e.blockedBy}]`]),
  ];
  return [parts.join(' '), ...e.reasons.map((r) => `  - ${r}`)].join('\n');
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}
