import { isRecord } from '../../common/index.js';
import type {
  ProviderContainerStatus,
  ProviderLeaseStatus,
  ProviderServiceStatus,
} from './marketplace-types.js';

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The Akash `LeaseStatus` JSON (snake_case) → ProviderLeaseStatus; tolerant of missing fields. */
export function toLeaseStatus(body: unknown): ProviderLeaseStatus {
  const root = isRecord(body) ? body : {};
  const services: Record<string, ProviderServiceStatus> = {};
  for (const [name, s] of Object.entries(isRecord(root['services']) ? root['services'] : {})) {
    const svc = isRecord(s) ? s : {};
    services[name] = {
      name,
      available: n(svc['available']),
      total: n(svc['total']),
      readyReplicas: n(svc['ready_replicas']),
      // Providers since 2025-07 write `target_replicas` instead of `replicas`/`updated_replicas`.
      ...(typeof svc['target_replicas'] === 'number' || typeof svc['replicas'] === 'number'
        ? { targetReplicas: n(svc['target_replicas'] ?? svc['replicas']) }
        : {}),
      uris: Array.isArray(svc['uris']) ? svc['uris'].map(String) : [],
      ...(Array.isArray(svc['container_statuses'])
        ? { containers: toContainers(svc['container_statuses']) }
        : {}),
    };
  }
  const forwardedPorts: ProviderLeaseStatus['forwardedPorts'] = Object.fromEntries(
    Object.entries(isRecord(root['forwarded_ports']) ? root['forwarded_ports'] : {}).map(
      ([svc, list]) => [
        svc,
        (Array.isArray(list) ? list : []).filter(isRecord).map((p) => ({
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
  return list.filter(isRecord).map((c) => {
    const state = isRecord(c['state']) ? c['state'] : {};
    const running = isRecord(state['running']) ? state['running'] : {};
    const started = running['startedAt'];
    return {
      name: String(c['name'] ?? ''),
      ready: c['ready'] === true,
      restartCount: n(c['restartCount']),
      startedAt: typeof started === 'string' ? started : null,
    };
  });
}
