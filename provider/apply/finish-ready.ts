/**
 * The end of a slot's build: wait until the provider reports every replica ready, then, when the
 * instance declares a health check, probe it through the forwarded endpoint until it passes
 * `healthyThreshold` times in a row — both within `readyMs`. The record becomes `ready` with its
 * endpoints, or `tainted` (kept, replaced by the next apply) with the reason.
 */
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import type { ProviderEndpoint, ProviderLeaseStatus } from '../marketplace/marketplace-types.js';
import { probeOnce } from '../health/probe-once.js';
import type { ProbeTarget } from '../health/probe-once.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import { leaseEndpoints } from '../refresh/lease-endpoints.js';
import { interruptedDiag, notReadyDiag, unhealthyDiag } from './apply-diagnostics.js';
import type { ApplyDeps, SlotSpec } from './slot-context.js';
import { waitReady } from './wait-ready.js';

/** Inputs of {@link finishReady}. */
export interface FinishReadyInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly spec: SlotSpec;
  readonly record: LeaseRecord;
  readonly endpoint: ProviderEndpoint;
}

/** The final record (ready or tainted) and the problem, if any. */
export interface FinishReadyResult {
  readonly record: LeaseRecord;
  readonly diagnostic: Diagnostic | null;
}

/** Waits for readiness and health. */
export async function finishReady(input: FinishReadyInput): Promise<FinishReadyResult> {
  const { deps, req, spec, record } = input;
  const leaseId = record.leaseId ?? record.orderId;
  const address = req.change.address;
  const started = Date.now();
  const res = await waitReady({
    client: deps.providerClient,
    provider: input.endpoint,
    leaseId: BigInt(leaseId),
    service: spec.instance,
    replicas: spec.slot.replicas,
    timeoutMs: req.timeouts.readyMs,
    pollMs: deps.pollMs,
    signal: req.signal,
    onProgress: (ready, total) =>
      req.emit({
        type: 'replica-ready',
        address,
        at: deps.now().toISOString(),
        leaseId,
        ready,
        total,
      }),
  });
  const tainted = { ...record, status: 'tainted' as const, updatedAt: deps.now().toISOString() };
  if (res.kind === 'aborted')
    return { record, diagnostic: interruptedDiag(address, 'while waiting for readiness') };
  if (res.kind === 'timeout') {
    const d = notReadyDiag({
      address,
      leaseId,
      ready: res.ready,
      total: spec.slot.replicas,
      timeoutMs: req.timeouts.readyMs,
      lastError: res.lastError,
    });
    return { record: tainted, diagnostic: d };
  }
  const endpoints = leaseEndpoints(res.status);
  if (spec.health !== null) {
    const left = Math.max(req.timeouts.readyMs - (Date.now() - started), 1000);
    const failure = await passHealth(spec.health, res.status, spec.instance, left, req.signal);
    if (failure !== null)
      return {
        record: { ...tainted, endpoints },
        diagnostic: unhealthyDiag({ address, leaseId, reason: failure }),
      };
    req.emit({ type: 'health-passed', address, at: deps.now().toISOString(), leaseId });
  }
  return {
    record: { ...record, status: 'ready', endpoints, updatedAt: deps.now().toISOString() },
    diagnostic: null,
  };
}

/** Null once the check passed `healthyThreshold` times in a row; else the last failure. */
async function passHealth(
  h: HealthCheckModel,
  status: ProviderLeaseStatus,
  service: string,
  budgetMs: number,
  signal: AbortSignal,
): Promise<string | null> {
  const target = probeTarget(h, status, service);
  if (target === null) return `no forwarded endpoint for port ${h.probe.port}`;
  const deadline = Date.now() + budgetMs;
  let streak = 0;
  let last = 'not probed';
  while (Date.now() < deadline && !signal.aborted) {
    const r = await probeOnce({ target, timeoutMs: h.timeout });
    if (r.healthy) {
      streak += 1;
      if (streak >= h.healthyThreshold) return null;
    } else {
      streak = 0;
      last = r.reason;
    }
    await new Promise((ok) => setTimeout(ok, Math.min(h.interval, 1000)));
  }
  return last;
}

/** The first replica's forwarded listener for the probe's port. */
export function probeTarget(
  h: HealthCheckModel,
  status: ProviderLeaseStatus,
  service: string,
): ProbeTarget | null {
  const ports = status.forwardedPorts[service] ?? Object.values(status.forwardedPorts).flat();
  const fwd = ports.find((p) => p.port === h.probe.port);
  if (fwd === undefined) return null;
  if (h.probe.type === 'tcp') return { type: 'tcp', host: fwd.host, port: fwd.externalPort };
  return {
    type: 'http',
    endpoint: `http://${fwd.host}:${fwd.externalPort}`,
    path: h.probe.path,
    expectedStatus: h.probe.expectedStatus,
    headers: h.probe.headers,
  };
}
