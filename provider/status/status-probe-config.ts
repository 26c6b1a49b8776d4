import { isRecord } from '../../common/index.js';
import type { ResourceState, StackState } from '../../cli/state/state-types.js';
import type { HealthCheckModel } from '../spec/model-types.js';

/** What `status` probes and scrapes on an instance's replicas. */
export interface StatusProbeConfig {
  /** The instance's health check as last applied, null when none is declared. */
  readonly check: HealthCheckModel | null;
  /** Container port probed and scraped: the check's, else the instance's first port; null if none. */
  readonly port: number | null;
}

/**
 * Reads the probe setup of `instance` from the state: `status` reads only state, whose resources
 * carry the model attributes they were applied with (a `health_check.<name>` beside the instance).
 */
export function statusProbeConfig(state: StackState, instance: ResourceState): StatusProbeConfig {
  const hc = state.resources.find(
    (r) =>
      r.type === 'health_check' &&
      isRecord(r.attributes) &&
      r.attributes['instance'] === instance.address,
  );
  const check = hc !== undefined && isHealthCheck(hc.attributes) ? hc.attributes : null;
  if (check !== null) return { check, port: check.probe.port };
  const ports = isRecord(instance.attributes) ? instance.attributes['ports'] : undefined;
  const first: unknown = Array.isArray(ports) ? ports[0] : undefined;
  const port = isRecord(first) && typeof first['port'] === 'number' ? first['port'] : null;
  return { check: null, port };
}

function isHealthCheck(v: unknown): v is HealthCheckModel {
  if (!isRecord(v) || !isRecord(v['probe'])) return false;
  const p = v['probe'];
  return (
    (p['type'] === 'http' || p['type'] === 'tcp') &&
    typeof p['port'] === 'number' &&
    typeof v['timeout'] === 'number' &&
    typeof v['gracePeriod'] === 'number'
  );
}
