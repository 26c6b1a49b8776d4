import type { ProviderLeaseStatus } from '../marketplace/marketplace-types.js';

/** One replica of a lease as the provider reports it, with the endpoint of its observed port. */
export interface ReplicaTarget {
  readonly name: string;
  readonly ready: boolean;
  readonly restarts: number;
  /** Ms since the epoch the container last started running; null when unknown. */
  readonly startedAt: number | null;
  /** `http://host:port` of the observed container port; null when it has no forwarded listener. */
  readonly endpoint: string | null;
}

/**
 * The replicas of `service` with their endpoints. Akash's forwarded ports do not name the
 * container they lead to, and only running containers have listeners, so the k-th forwarded
 * listener of `port` is paired with the k-th ready container, in the provider's order. A provider
 * that reports no container statuses yields `service-i` replicas from its ready/total counts.
 */
export function toReplicaTargets(
  status: ProviderLeaseStatus,
  service: string,
  port: number | null,
): ReplicaTarget[] {
  const svc = status.services[service];
  const reported = svc?.containers ?? [];
  const containers =
    reported.length > 0
      ? reported
      : Array.from({ length: svc?.total ?? 0 }, (_, i) => ({
          name: `${service}-${i}`,
          ready: i < (svc?.readyReplicas ?? 0),
          restartCount: 0,
          startedAt: null,
        }));
  const forwarded = status.forwardedPorts[service] ?? [];
  const wanted = port ?? forwarded[0]?.port ?? null;
  const listeners = forwarded.filter((p) => p.port === wanted);
  let next = 0;
  return containers.map((c) => {
    const fwd = c.ready ? listeners[next++] : undefined;
    const started = c.startedAt === null ? NaN : Date.parse(c.startedAt);
    return {
      name: c.name,
      ready: c.ready,
      restarts: c.restartCount,
      startedAt: Number.isFinite(started) ? started : null,
      endpoint: fwd === undefined ? null : `http://${fwd.host}:${fwd.externalPort}`,
    };
  });
}
