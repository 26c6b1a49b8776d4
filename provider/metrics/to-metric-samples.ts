import type { MetricSamples } from '../scaling/scaling-types.js';
import type { MetricModel } from '../spec/model-types.js';
import { readMetric } from './read-metric.js';
import type { ScrapeObservation } from './scrape-replicas.js';

/**
 * The HPA input from this cycle's scrapes (and the previous cycle's, for rates): per policy metric,
 * one sample per replica that yielded a finite value. A replica whose scrape failed, or which lacks
 * the series, is left out — decideReplicas treats it as missing.
 */
export function toMetricSamples(
  metrics: readonly MetricModel[],
  current: readonly ScrapeObservation[],
  previous: readonly ScrapeObservation[],
): MetricSamples[] {
  const before = new Map(previous.flatMap((o) => (o.ok ? [[o.replica, o] as const] : [])));
  return metrics.map((metric) => ({
    metric,
    samples: current.flatMap((o) => {
      if (!o.ok) return [];
      const prev = before.get(o.replica) ?? null;
      const value = readMetric(metric, o, prev);
      return value === null || !Number.isFinite(value)
        ? []
        : [{ replica: o.replica, value, at: o.at }];
    }),
  }));
}

/** The mean over replicas of one metric's samples (what `status` shows); null with no sample. */
export function averageSamples(samples: MetricSamples['samples']): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((a, s) => a + s.value, 0) / samples.length;
}
