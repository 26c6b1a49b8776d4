/**
 * The Prometheus text a workload replica serves on `/metrics`. The CPU gauge is modelled from the
 * request rate against the replica's capacity, so autoscaling on CPU can be exercised for real.
 */

/** Input of {@link renderMetrics}. */
export interface RenderMetricsInput {
  readonly requestsTotal: number;
  /** Recent requests per second. */
  readonly recentRps: number;
  /** Requests per second one replica serves at 100 % CPU. */
  readonly capacityRps: number;
  /** Unix seconds when the replica (last) started. */
  readonly startTimeSeconds: number;
  /** Labels on every series: lease, service, replica. */
  readonly labels: Readonly<Record<string, string>>;
}

/** min(100, rps / capacity × 100), rounded to two decimals. */
export function cpuUtilizationPercent(recentRps: number, capacityRps: number): number {
  if (capacityRps <= 0) return 100;
  return Math.round(Math.min(100, (recentRps / capacityRps) * 100) * 100) / 100;
}

const escape = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Renders the exposition text (version 0.0.4). */
export function renderMetrics(input: RenderMetricsInput): string {
  const labels = Object.entries(input.labels)
    .map(([k, v]) => `${k}="${escape(v)}"`)
    .join(',');
  const l = labels === '' ? '' : `{${labels}}`;
  return [
    '# HELP http_requests_total Requests served by this replica.',
    '# TYPE http_requests_total counter',
    `http_requests_total${l} ${input.requestsTotal}`,
    '# HELP cpu_utilization_percent CPU utilization modelled from the request rate.',
    '# TYPE cpu_utilization_percent gauge',
    `cpu_utilization_percent${l} ${cpuUtilizationPercent(input.recentRps, input.capacityRps)}`,
    '# HELP process_start_time_seconds Start time of the replica since the Unix epoch in seconds.',
    '# TYPE process_start_time_seconds gauge',
    `process_start_time_seconds${l} ${input.startTimeSeconds}`,
    '',
  ].join('\n');
}
