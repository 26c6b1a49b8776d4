import { redact } from '../../cli/diag/index.js';
import type { HealthCheckModel } from '../spec/model-types.js';
import { mapLimit } from '../metrics/map-limit.js';
import type { ProbeOutcome } from './health-types.js';
import { probeOnce } from './probe-once.js';
import type { ProbeOnceInput, ProbeResult, ProbeTarget } from './probe-once.js';

/** A replica and the forwarded endpoint of its probed port. */
export interface ReplicaProbeTarget {
  readonly replica: string;
  /** `http://host:port`; null when the provider reports no forwarded port for it. */
  readonly endpoint: string | null;
}

/** Options of {@link runProbes}. */
export interface RunProbesOptions {
  readonly check: HealthCheckModel;
  readonly targets: readonly ReplicaProbeTarget[];
  /** Probes in flight at once. @default 16 */
  readonly concurrency?: number | undefined;
  /** The clock that stamps each result. @default Date.now */
  readonly clock?: (() => number) | undefined;
  /** The single probe; apply's readiness gate uses the same one. @default probeOnce */
  readonly probe?: ((input: ProbeOnceInput) => Promise<ProbeResult>) | undefined;
}

/** One replica's probe outcome with its latency. */
export interface ReplicaProbeResult extends ProbeOutcome {
  readonly replica: string;
  readonly latencyMs: number;
}

/**
 * Probes every replica once, at most `concurrency` at a time, each bounded by the check's timeout.
 * Never throws: a failing or throwing probe is a failed result, its text redacted of header values.
 */
export function runProbes(opts: RunProbesOptions): Promise<ReplicaProbeResult[]> {
  const clock = opts.clock ?? Date.now;
  const probe = opts.probe ?? probeOnce;
  const secrets = opts.check.probe.type === 'http' ? Object.values(opts.check.probe.headers) : [];
  return mapLimit(opts.targets, opts.concurrency ?? 16, async (t): Promise<ReplicaProbeResult> => {
    const { replica } = t;
    if (t.endpoint === null)
      return { replica, ok: false, at: clock(), error: 'no forwarded port', latencyMs: 0 };
    const started = performance.now();
    const latency = (): number => Math.round(performance.now() - started);
    try {
      const r = await probe({
        target: toProbeTarget(opts.check.probe, t.endpoint),
        timeoutMs: opts.check.timeout,
      });
      if (r.healthy)
        return {
          replica,
          ok: true,
          at: clock(),
          latencyMs: latency(),
          ...(r.status === null ? {} : { status: r.status }),
        };
      return {
        replica,
        ok: false,
        at: clock(),
        error: redact(r.reason, secrets),
        latencyMs: latency(),
      };
    } catch (err) {
      const error = redact(err instanceof Error ? err.message : String(err), secrets);
      return { replica, ok: false, at: clock(), error, latencyMs: latency() };
    }
  });
}

/** The probe of the check aimed at one replica's forwarded endpoint. */
export function toProbeTarget(probe: HealthCheckModel['probe'], endpoint: string): ProbeTarget {
  if (probe.type === 'http') {
    return {
      type: 'http',
      endpoint,
      path: probe.path,
      expectedStatus: probe.expectedStatus,
      headers: probe.headers,
    };
  }
  const url = new URL(endpoint);
  return { type: 'tcp', host: url.hostname, port: Number(url.port) };
}
