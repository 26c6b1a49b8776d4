// provider/metrics: Prometheus scraping for autoscaling — the text-format parser, the scraper
// (timeouts, concurrency, failures as observations), counter rates and the per-replica metric
// values decideReplicas takes. Must not import the marketplace, ethers or cli/ beyond cli/diag.
export { counterRate } from './counter-rate.js';
export type { CounterPoint } from './counter-rate.js';
export { mapLimit } from './map-limit.js';
export { parsePrometheusText } from './parse-prometheus.js';
export type { PromParseResult, PromProblem, PromSample } from './parse-prometheus.js';
export { CPU_GAUGE, readMetric, REQUESTS_COUNTER } from './read-metric.js';
export type { ScrapePoint } from './read-metric.js';
export { scrapeReplicas } from './scrape-replicas.js';
export type { ScrapeObservation, ScrapeOptions, ScrapeTarget } from './scrape-replicas.js';
export { averageSamples, toMetricSamples } from './to-metric-samples.js';
