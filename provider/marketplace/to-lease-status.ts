import type {
  ProviderContainerStatus,
  ProviderLeaseStatus,
  ProviderServiceStatus,
} from './marketplace-types.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The Akash `LeaseStatus` JSON (snake_case) → ProviderLeaseStatus; tolerant of missing fields. */
export function toLeaseStatus(body: unknown): ProviderLeaseStatus {
  const root = isRec(body) ? body : {};
  const services: Record<string, ProviderServiceStatus> = {};
  for (const [name, s] of Object.entries(isRec(root['services']) ? root['services'] : {})) {
    const svc = isRec(s) ? s : {};
    services[name] = {
      name,
      available: n(svc['available']),
      total: n(svc['total']),
      readyReplicas: n(svc['ready_replicas']),
      uris: Array.isArray(svc['uris']) ? svc['uris'].map(String) : [],
      ...(Array.isArray(svc['container_statuses'])
        ? { containers: toContainers(svc['container_statuses']) }
        : {}),
    };
  }
  const forwardedPorts: ProviderLeaseStatus['forwardedPorts'] = Object.fromEntries(
    Object.entries(isRec(root['forwarded_ports']) ? root['forwarded_ports'] : {}).map(
      ([svc, list]) => [
        svc,
        (Array.isArray(list) ? list : []).filter(isRec).map((p) => ({
          host: String(p['host'] ?? ''),
          port: n(p['port']),
          externalPort: n(p['externalPort']),
          proto: String(p['proto'] ?? 'TCP'),
          name: String(p['name'] ?? svc),
        })),
      ],
    ),
  );
  return { services, forwardedPorts };
}

function toContainers(list: readonly unknown[]): ProviderContainerStatus[] {
  return list.filter(isRec).map((c) => {
    const state = isRec(c['state']) ? c['state'] : {};
    const running = isRec(state['running']) ? state['running'] : {};
    const started = running['startedAt'];
    return {
      name: String(c['name'] ?? ''),
      ready: c['ready'] === true,
      restartCount: n(c['restartCount']),
      startedAt: typeof started === 'string' ? started : null,
    };
  });
}
