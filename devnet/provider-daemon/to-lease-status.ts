/**
 * The `LeaseStatus` JSON of `GET /lease/{id}/1/1/status` (reference §5), snake_case keys as the
 * Akash provider writes them, built from a workload snapshot. `forwarded_ports` points at the real
 * loopback listeners: `externalPort` is the port to connect to on `host`.
 */
import type {
  ContainerStatus,
  ForwardedPort,
  LeaseStatus,
  ServiceStatus,
} from '../../wire/lease-status.js';
import type { ReplicaSnapshot, ServiceSnapshot } from '../workload/workload.js';

export type { ContainerStatus, ForwardedPort, LeaseStatus, ServiceStatus };

/** The status of one service from its snapshot. */
export function toServiceStatus(svc: ServiceSnapshot): ServiceStatus {
  const ready = svc.replicas.filter((r) => r.state === 'running').length;
  return {
    name: svc.name,
    available: ready,
    total: svc.count,
    uris: null,
    observed_generation: svc.generation,
    replicas: svc.count,
    updated_replicas: svc.replicas.length,
    ready_replicas: ready,
    available_replicas: ready,
    container_statuses: svc.replicas.map((r) => toContainerStatus(r, svc.image)),
    creationTimestamp: svc.createdAt.toISOString(),
  };
}

function toContainerStatus(r: ReplicaSnapshot, image: string): ContainerStatus {
  const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
  let state: ContainerStatus['state'];
  if (r.state === 'running') state = { running: { startedAt: iso(r.startedAt) } };
  else if (r.state === 'terminated') {
    state = { terminated: { exitCode: 0, reason: 'Completed', finishedAt: iso(r.finishedAt) } };
  } else state = { waiting: { reason: r.waitingReason, message: '' } };
  const lastState =
    r.restartCount > 0 ? { terminated: { exitCode: 137, reason: 'Error', finishedAt: null } } : {};
  return {
    name: r.name,
    state,
    lastState,
    ready: r.state === 'running',
    restartCount: r.restartCount,
    image,
    imageID: `devnet://${image}`,
    containerID: `devnet://${r.name}`,
    started: r.state === 'running',
  };
}

/** The lease status of every service; `forwarded_ports` is null when nothing listens. */
export function toLeaseStatus(services: readonly ServiceSnapshot[]): LeaseStatus {
  const out: Record<string, ServiceStatus> = {};
  const ports: Record<string, ForwardedPort[]> = {};
  for (const svc of services) {
    out[svc.name] = toServiceStatus(svc);
    const list = svc.replicas.flatMap((r) =>
      r.listeners.map((l) => ({
        host: '127.0.0.1',
        port: l.containerPort,
        externalPort: l.hostPort,
        proto: l.proto,
        name: svc.name,
      })),
    );
    if (list.length > 0) ports[svc.name] = list;
  }
  return {
    services: out,
    forwarded_ports: Object.keys(ports).length === 0 ? null : ports,
    ips: null,
  };
}
