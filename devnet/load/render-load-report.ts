import type { LoadReport } from './summarize-load.js';

const ms = (v: number | null): string => (v === null ? '-' : `${v} ms`);

/** `devnet load` for humans: totals, achieved rate, latency percentiles, errors by reason. */
export function renderLoadReport(r: LoadReport): string {
  const achieved = r.elapsedMs > 0 ? Math.round((r.sent / r.elapsedMs) * 10_000) / 10 : 0;
  const lines = [
    `Load on ${r.address}: ${r.sent} sent, ${r.ok} ok, ${r.errors} errors${r.skipped > 0 ? `, ${r.skipped} skipped (concurrency limit)` : ''} in ${(r.elapsedMs / 1000).toFixed(1)}s (${achieved} req/s of ${r.rps} asked)`,
    `Latency: p50 ${ms(r.latencyMs.p50)}, p90 ${ms(r.latencyMs.p90)}, p99 ${ms(r.latencyMs.p99)}, max ${ms(r.latencyMs.max)}`,
    `Endpoints (${r.endpoints.length}):`,
    ...r.endpoints.map((e) => `  ${e.endpoint}  ${e.ok}/${e.sent} ok`),
  ];
  const reasons = Object.entries(r.errorReasons).sort((a, b) => b[1] - a[1]);
  if (reasons.length > 0) lines.push(`Errors: ${reasons.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  return lines.join('\n');
}
