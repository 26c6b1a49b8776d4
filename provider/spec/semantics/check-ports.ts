import { errorDiag } from '../../../cli/diag/index.js';
import type { Diagnostic } from '../../../cli/diag/index.js';
import { formatPath } from '../spec-path.js';
import type { InstanceSpec } from '../spec-types.js';

/** Duplicate container or exposed ports (same number and protocol) within one instance. */
export function checkDuplicatePorts(name: string, inst: InstanceSpec): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of ['port', 'as'] as const) {
    const seen = new Map<string, number>();
    (inst.ports ?? []).forEach((p, i) => {
      const n = field === 'port' ? p.port : p.as;
      if (n === undefined) return;
      const key = `${n}/${p.proto ?? 'tcp'}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return;
      }
      out.push(
        errorDiag({
          code: 'spec/duplicate-port',
          summary: 'Duplicate port',
          detail: `Port ${n}/${p.proto ?? 'tcp'} is declared as \`${field}\` by both ports[${first}] and ports[${i}] of instance \`${name}\`.`,
          hint: 'Remove the duplicate or give it another port number.',
          path: formatPath(['instances', name, 'ports', i, field]),
        }),
      );
    });
  }
  return out;
}

/** Health probes must target one of the instance's declared container ports. */
export function checkHealthPort(name: string, inst: InstanceSpec): Diagnostic[] {
  const probe =
    inst.health?.http !== undefined ? 'http' : inst.health?.tcp !== undefined ? 'tcp' : undefined;
  if (probe === undefined) return [];
  const port = (probe === 'http' ? inst.health?.http?.port : inst.health?.tcp?.port) ?? 0;
  const declared = (inst.ports ?? []).map((p) => p.port);
  if (declared.includes(port)) return [];
  const none = declared.length === 0;
  return [
    errorDiag({
      code: 'spec/unknown-health-port',
      summary: 'Health probe port is not declared',
      detail: none
        ? `The ${probe} probe of instance \`${name}\` targets port ${port}, but the instance declares no ports.`
        : `The ${probe} probe of instance \`${name}\` targets port ${port}, which is not among its ports (${declared.join(', ')}).`,
      hint: none
        ? `Add \`ports: [{ port: ${port} }]\` to instance \`${name}\`.`
        : `Probe one of the declared ports, such as ${declared[0] ?? port}.`,
      path: formatPath(['instances', name, 'health', probe, 'port']),
    }),
  ];
}

/** Metrics scraped from the replicas (requests per second, Prometheus) need a port to scrape. */
export function checkMetricPorts(name: string, inst: InstanceSpec): Diagnostic[] {
  if ((inst.ports ?? []).length > 0) return [];
  const out: Diagnostic[] = [];
  (inst.autoscaling?.metrics ?? []).forEach((m, i) => {
    if (m.type === 'cpu') return;
    out.push(
      errorDiag({
        code: 'spec/metric-without-ports',
        summary: 'Scaling metric needs a port',
        detail: `Metric \`${m.type}\` of instance \`${name}\` is read from the replicas over HTTP, but the instance declares no ports.`,
        hint: `Add the port the workload serves on to instance \`${name}\`, or scale on \`cpu\`.`,
        path: formatPath(['instances', name, 'autoscaling', 'metrics', i, 'type']),
      }),
    );
  });
  return out;
}
