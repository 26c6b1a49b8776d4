import { describe, expect, it } from '@jest/globals';
import { readMetric } from '../../../../provider/metrics/read-metric.js';
import type { ScrapePoint } from '../../../../provider/metrics/read-metric.js';

const s = (name: string, value: number, labels: Record<string, string> = {}) => ({
  name,
  labels,
  value,
  timestamp: null,
});
const point = (at: number, ...samples: ReturnType<typeof s>[]): ScrapePoint => ({ at, samples });

describe('readMetric', () => {
  it('GIVEN two cpu series WHEN read as cpu THEN their mean', () => {
    const p = point(
      0,
      s('cpu_utilization_percent', 40, { port: '80' }),
      s('cpu_utilization_percent', 60, { port: '81' }),
    );
    expect(readMetric({ type: 'cpu', targetAverageUtilization: 70 }, p, null)).toBe(50);
  });

  it('GIVEN two scrapes WHEN read as requestsPerSecond THEN the rate of the summed http_requests_total', () => {
    const prev = point(
      0,
      s('http_requests_total', 10, { code: '200' }),
      s('http_requests_total', 0, { code: '500' }),
    );
    const curr = point(
      10_000,
      s('http_requests_total', 90, { code: '200' }),
      s('http_requests_total', 20, { code: '500' }),
    );
    expect(readMetric({ type: 'requestsPerSecond', targetAverageValue: 5 }, curr, prev)).toBe(10);
  });

  it('GIVEN no previous scrape WHEN a rate is asked THEN null (missing this cycle)', () => {
    expect(
      readMetric(
        { type: 'requestsPerSecond', targetAverageValue: 5 },
        point(0, s('http_requests_total', 3)),
        null,
      ),
    ).toBeNull();
  });

  it('GIVEN a named gauge WHEN read THEN the sum of its series', () => {
    const p = point(
      0,
      s('queue_depth', 3, { q: 'a' }),
      s('queue_depth', 4, { q: 'b' }),
      s('other', 100),
    );
    expect(
      readMetric(
        { type: 'prometheus', name: 'queue_depth', kind: 'gauge', targetAverageValue: 5 },
        p,
        null,
      ),
    ).toBe(7);
  });

  it('GIVEN a named counter without _total WHEN read THEN its _total series is rated', () => {
    const metric = {
      type: 'prometheus' as const,
      name: 'jobs',
      kind: 'counter' as const,
      targetAverageValue: 5,
    };
    expect(readMetric(metric, point(2000, s('jobs_total', 10)), point(0, s('jobs_total', 4)))).toBe(
      3,
    );
  });

  it('GIVEN the series is absent WHEN read THEN null', () => {
    expect(
      readMetric({ type: 'cpu', targetAverageUtilization: 70 }, point(0, s('x', 1)), null),
    ).toBeNull();
  });
});
