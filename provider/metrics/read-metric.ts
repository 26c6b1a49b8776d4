import type { MetricModel } from '../spec/model-types.js';
import { counterRate } from './counter-rate.js';
import type { PromSample } from './parse-prometheus.js';

/** The devnet workload's cpu gauge, and the name a workload exposes for `type: cpu`. */
export const CPU_GAUGE = 'cpu_utilization_percent';
/** The request counter read for `type: requestsPerSecond`. */
export const REQUESTS_COUNTER = 'http_requests_total';

/** One scrape of one replica, as far as a metric needs it. */
export interface ScrapePoint {
  readonly at: number;
  readonly samples: readonly PromSample[];
}

/**
 * One replica's value of a policy metric: `cpu` is the mean of the `cpu_utilization_percent`
 * series; `requestsPerSecond` the rate of the summed `http_requests_total` series since the
 * previous scrape; `prometheus` the sum of the named gauge's series, or its summed counter's rate.
 * Null when the series is absent, or a rate has no previous scrape to compare with.
 */
export function readMetric(
  metric: MetricModel,
  curr: ScrapePoint,
  prev: ScrapePoint | null,
): number | null {
  switch (metric.type) {
    case 'cpu':
      return mean(values(curr, CPU_GAUGE));
    case 'requestsPerSecond':
      return rateOf(REQUESTS_COUNTER, curr, prev);
    case 'prometheus':
      return metric.kind === 'gauge'
        ? sum(values(curr, metric.name))
        : rateOf(metric.name, curr, prev);
  }
}

function rateOf(name: string, curr: ScrapePoint, prev: ScrapePoint | null): number | null {
  if (prev === null) return null;
  const now = sum(counterValues(curr, name));
  const before = sum(counterValues(prev, name));
  if (now === null || before === null) return null;
  return counterRate({ value: before, at: prev.at }, { value: now, at: curr.at });
}

function values(p: ScrapePoint, name: string): number[] {
  return p.samples.filter((s) => s.name === name).map((s) => s.value);
}

/** A counter named without `_total` also matches its `_total` series (OpenMetrics naming). */
function counterValues(p: ScrapePoint, name: string): number[] {
  return p.samples.filter((s) => s.name === name || s.name === `${name}_total`).map((s) => s.value);
}

function sum(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0);
}

function mean(xs: readonly number[]): number | null {
  const total = sum(xs);
  return total === null ? null : total / xs.length;
}
