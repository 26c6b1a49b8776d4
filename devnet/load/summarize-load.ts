/** Latency percentiles of a load run, in milliseconds (nearest rank); null without samples. */
export interface LatencySummary {
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

/** What one request came back with: a status (any HTTP answer) or a transport error. */
export type LoadOutcome =
  | { readonly endpoint: number; readonly status: number; readonly latencyMs: number }
  | { readonly endpoint: number; readonly error: string; readonly latencyMs: number };

/** Per endpoint: requests sent and answered 2xx. */
export interface EndpointLoad {
  readonly endpoint: string;
  readonly sent: number;
  readonly ok: number;
}

/** The report of a load run. `errors` counts non-2xx answers and transport failures. */
export interface LoadReport {
  readonly address: string;
  readonly rps: number;
  readonly durationMs: number;
  /** Wall time from the first request to the last answer. */
  readonly elapsedMs: number;
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  /** Due while `concurrency` requests were open, so not sent. */
  readonly skipped: number;
  /** Error counts by reason: `HTTP 500`, `timed out after 5000 ms`, `connection refused`. */
  readonly errorReasons: Readonly<Record<string, number>>;
  readonly latencyMs: LatencySummary;
  readonly endpoints: readonly EndpointLoad[];
}

/** Nearest-rank percentile `p` (0–100] of ascending `sorted`; null when empty. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** Inputs of {@link summarizeLoad}. */
export interface SummarizeLoadInput {
  readonly address: string;
  readonly rps: number;
  readonly durationMs: number;
  readonly elapsedMs: number;
  readonly endpoints: readonly string[];
  readonly outcomes: readonly LoadOutcome[];
  readonly skipped: number;
}

/** Counts, error reasons, latency percentiles and per-endpoint totals of a run's outcomes. */
export function summarizeLoad(input: SummarizeLoadInput): LoadReport {
  const reasons: Record<string, number> = {};
  const perSent = input.endpoints.map(() => 0);
  const perOk = input.endpoints.map(() => 0);
  let ok = 0;
  for (const o of input.outcomes) {
    perSent[o.endpoint] = (perSent[o.endpoint] ?? 0) + 1;
    const good = 'status' in o && o.status >= 200 && o.status <= 299;
    if (good) {
      ok += 1;
      perOk[o.endpoint] = (perOk[o.endpoint] ?? 0) + 1;
      continue;
    }
    const reason = 'status' in o ? `HTTP ${o.status}` : o.error;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  const sorted = input.outcomes.map((o) => o.latencyMs).sort((a, b) => a - b);
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);
  return {
    address: input.address,
    rps: input.rps,
    durationMs: input.durationMs,
    elapsedMs: Math.round(input.elapsedMs),
    sent: input.outcomes.length,
    ok,
    errors: input.outcomes.length - ok,
    skipped: input.skipped,
    errorReasons: reasons,
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? null),
    },
    endpoints: input.endpoints.map((endpoint, i) => ({
      endpoint,
      sent: perSent[i] ?? 0,
      ok: perOk[i] ?? 0,
    })),
  };
}
