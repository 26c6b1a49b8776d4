import { redact } from '../../cli/diag/index.js';
import { formatDuration } from '../../common/units/index.js';
import { mapLimit } from './map-limit.js';
import { parsePrometheusText } from './parse-prometheus.js';
import type { PromParseResult } from './parse-prometheus.js';

/** A replica and the forwarded endpoint of its metrics port. */
export interface ScrapeTarget {
  readonly replica: string;
  /** `http://host:port`. */
  readonly endpoint: string;
}

/** Options of {@link scrapeReplicas}. */
export interface ScrapeOptions {
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** @default "/metrics" */
  readonly path?: string | undefined;
  /** Stamps each observation. @default Date.now */
  readonly clock?: (() => number) | undefined;
}

/** One replica's scrape: the parsed exposition, or why there is none. Never thrown. */
export type ScrapeObservation =
  | ({
      readonly replica: string;
      readonly at: number;
      readonly ok: true;
      readonly latencyMs: number;
    } & PromParseResult)
  | {
      readonly replica: string;
      readonly at: number;
      readonly ok: false;
      readonly error: string;
      readonly latencyMs: number;
    };

/**
 * Scrapes each replica's Prometheus endpoint, at most `concurrency` at a time, each bounded by
 * `timeoutMs`. Failures (refused, timeout, non-2xx) are observations, so one bad replica never
 * stops the cycle.
 */
export function scrapeReplicas(
  targets: readonly ScrapeTarget[],
  opts: ScrapeOptions,
): Promise<ScrapeObservation[]> {
  const clock = opts.clock ?? Date.now;
  return mapLimit(targets, opts.concurrency, async (t): Promise<ScrapeObservation> => {
    const started = performance.now();
    const latencyMs = (): number => Math.round(performance.now() - started);
    const fail = (error: string): ScrapeObservation => ({
      replica: t.replica,
      at: clock(),
      ok: false,
      error: redact(error),
      latencyMs: latencyMs(),
    });
    try {
      const res = await fetch(new URL(opts.path ?? '/metrics', t.endpoint), {
        signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { accept: 'text/plain;version=0.0.4' },
      });
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        return fail(`HTTP ${res.status}`);
      }
      const text = await res.text();
      return {
        replica: t.replica,
        at: clock(),
        ok: true,
        latencyMs: latencyMs(),
        ...parsePrometheusText(text),
      };
    } catch (err) {
      const name = field(err, 'name');
      if (name === 'TimeoutError' || name === 'AbortError') {
        return fail(`timed out after ${formatDuration(Math.max(0, Math.round(opts.timeoutMs)))}`);
      }
      return fail(describeFetchError(err));
    }
  });
}

/** `connection refused` rather than undici's bare `fetch failed`. */
function describeFetchError(err: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (vm contexts), where instanceof fails.
  const cause: unknown =
    typeof err === 'object' && err !== null && 'cause' in err && err.cause !== undefined
      ? err.cause
      : err;
  const code = field(cause, 'code');
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  return field(cause, 'message') ?? String(cause);
}

function field(v: unknown, key: string): string | undefined {
  if (typeof v !== 'object' || v === null || !(key in v)) return undefined;
  const x = (v as Record<string, unknown>)[key];
  return typeof x === 'string' ? x : undefined;
}
