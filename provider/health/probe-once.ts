/**
 * One health probe against an endpoint: an HTTP GET whose status must fall in the expected range,
 * or a TCP connect. Never throws: a failure is a result with its reason. The health-check loop and
 * apply's readiness gate both call it.
 */
import { request } from 'node:http';
import { connect } from 'node:net';

/** What to probe. */
export type ProbeTarget =
  | {
      readonly type: 'http';
      /** `http://host:port`. */
      readonly endpoint: string;
      readonly path: string;
      readonly expectedStatus: { readonly min: number; readonly max: number };
      readonly headers: Readonly<Record<string, string>>;
    }
  | { readonly type: 'tcp'; readonly host: string; readonly port: number };

/** Inputs of {@link probeOnce}. */
export interface ProbeOnceInput {
  readonly target: ProbeTarget;
  readonly timeoutMs: number;
}

/** Healthy, or not with why (`HTTP 500`, `timed out after 2000 ms`, `connect ECONNREFUSED …`). */
export type ProbeResult =
  | { readonly healthy: true; readonly status: number | null }
  | { readonly healthy: false; readonly reason: string };

/** Runs one probe. */
export function probeOnce(input: ProbeOnceInput): Promise<ProbeResult> {
  return input.target.type === 'http'
    ? probeHttp(input.target, input.timeoutMs)
    : probeTcp(input.target, input.timeoutMs);
}

function probeHttp(
  t: Extract<ProbeTarget, { type: 'http' }>,
  timeoutMs: number,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(t.path, t.endpoint);
    } catch {
      resolve({ healthy: false, reason: `invalid endpoint ${t.endpoint}` });
      return;
    }
    const req = request(
      url,
      { method: 'GET', headers: { ...t.headers }, timeout: timeoutMs },
      (res) => {
        res.resume();
        const status = res.statusCode ?? 0;
        res.on('end', () =>
          resolve(
            status >= t.expectedStatus.min && status <= t.expectedStatus.max
              ? { healthy: true, status }
              : { healthy: false, reason: `HTTP ${status}` },
          ),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ healthy: false, reason: err.message }));
    req.end();
  });
}

function probeTcp(
  t: Extract<ProbeTarget, { type: 'tcp' }>,
  timeoutMs: number,
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = connect({ host: t.host, port: t.port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ healthy: false, reason: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.end();
      resolve({ healthy: true, status: null });
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      resolve({ healthy: false, reason: err.message });
    });
  });
}
