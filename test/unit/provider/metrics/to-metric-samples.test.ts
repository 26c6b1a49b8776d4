import { describe, expect, it } from '@jest/globals';
import { averageSamples, toMetricSamples } from '../../../../provider/metrics/to-metric-samples.js';
import type { ScrapeObservation } from '../../../../provider/metrics/scrape-replicas.js';

const ok = (replica: string, at: number, requests: number, cpu: number): ScrapeObservation => ({
  replica,
  at,
  ok: true,
  latencyMs: 1,
  types: {},
  problems: [],
  samples: [
    { name: 'http_requests_total', labels: {}, value: requests, timestamp: null },
    { name: 'cpu_utilization_percent', labels: {}, value: cpu, timestamp: null },
  ],
});
const failed = (replica: string, at: number): ScrapeObservation => ({
  replica,
  at,
  ok: false,
  error: 'connection refused',
  latencyMs: 1,
});
const CPU = { type: 'cpu' as const, targetAverageUtilization: 70 };
const RPS = { type: 'requestsPerSecond' as const, targetAverageValue: 5 };

describe('toMetricSamples', () => {
  it('GIVEN two cycles of scrapes WHEN converted THEN one sample per replica per metric, rates from the previous cycle', () => {
    const prev = [ok('a', 0, 100, 10), ok('b', 0, 0, 10)];
    const curr = [ok('a', 10_000, 200, 80), ok('b', 10_000, 50, 40)];
    const [cpu, rps] = toMetricSamples([CPU, RPS], curr, prev);
    expect(cpu?.samples).toEqual([
      { replica: 'a', value: 80, at: 10_000 },
      { replica: 'b', value: 40, at: 10_000 },
    ]);
    expect(rps?.samples.map((x) => x.value)).toEqual([10, 5]);
  });

  it('GIVEN a failed scrape now or before WHEN converted THEN that replica is missing, not a crash', () => {
    const [cpu, rps] = toMetricSamples(
      [CPU, RPS],
      [ok('a', 10_000, 20, 50), failed('b', 10_000)],
      [failed('a', 0)],
    );
    expect(cpu?.samples.map((x) => x.replica)).toEqual(['a']);
    expect(rps?.samples).toEqual([]);
  });

  it('GIVEN samples WHEN averaged THEN the mean, and null for none', () => {
    expect(
      averageSamples([
        { replica: 'a', value: 2, at: 0 },
        { replica: 'b', value: 4, at: 0 },
      ]),
    ).toBe(3);
    expect(averageSamples([])).toBeNull();
  });
});
