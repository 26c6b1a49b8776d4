import type { ProviderLeaseStatus } from '../marketplace/marketplace-types.js';

/** One replica of an instance as the provider's lease status shows it. */
export interface ObservedReplica {
  /** `instance.web[0]#1`: slot address and replica index. */
  readonly id: string;
  readonly slot: string;
  readonly leaseId: string;
  /** Provider address (lowercase). */
  readonly provider: string;
  readonly ready: boolean;
  readonly restartCount: number;
  /** When the container last started running (ms), null when unknown or not running. */
  readonly startedAt: number | null;
  /** The provider answered the status request. */
  readonly reachable: boolean;
  /** `http://host:port` of each exposed container port, by container port. */
  readonly endpoints: Readonly<Record<string, string>>;
}

/** Options of {@link toObservedReplicas}. */
export interface ToObservedReplicasInput {
  readonly slot: string;
  readonly leaseId: string;
  readonly provider: string;
  /** The service (instance) name in the lease status. */
  readonly service: string;
  /** Replicas the lease runs, per state: the count when the provider does not answer. */
  readonly replicas: number;
  /** Null when the provider did not answer. */
  readonly status: ProviderLeaseStatus | null;
}

/**
 * A lease's replicas from its status (pure). `forwarded_ports` lists one entry per running replica
 * per exposed port, in replica order, and a starting replica has no listener yet: so each port's
 * entries are dealt, in order, to the replicas the containers report ready.
 */
export function toObservedReplicas(input: ToObservedReplicasInput): ObservedReplica[] {
  const base = { slot: input.slot, leaseId: input.leaseId, provider: input.provider };
  const id = (i: number): string => `${input.slot}#${i}`;
  if (input.status === null) {
    return Array.from({ length: input.replicas }, (_, i) => ({
      ...base,
      id: id(i),
      ready: false,
      restartCount: 0,
      startedAt: null,
      reachable: false,
      endpoints: {},
    }));
  }
  const svc = input.status.services[input.service];
  const ports = input.status.forwardedPorts[input.service] ?? [];
  const containers =
    svc?.containers ??
    Array.from({ length: svc?.total ?? input.replicas }, (_, i) => ({
      ready: i < (svc?.readyReplicas ?? 0),
      restartCount: 0,
      startedAt: null,
    }));
  const byPort = new Map<number, string[]>();
  for (const p of ports) {
    const list = byPort.get(p.port) ?? [];
    list.push(`http://${p.host}:${p.externalPort}`);
    byPort.set(p.port, list);
  }
  let readyIndex = 0;
  return containers.map((c, i) => {
    const endpoints: Record<string, string> = {};
    if (c.ready) {
      for (const [port, list] of byPort) {
        const e = list[readyIndex];
        if (e !== undefined) endpoints[String(port)] = e;
      }
      readyIndex += 1;
    }
    const started = c.startedAt === null ? NaN : Date.parse(c.startedAt);
    return {
      ...base,
      id: id(i),
      ready: c.ready,
      restartCount: c.restartCount,
      startedAt: Number.isFinite(started) ? started : null,
      reachable: true,
      endpoints,
    };
  });
}
