import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parsePrometheusText } from '../../../../provider/metrics/parse-prometheus.js';
import { renderMetrics } from '../../../../devnet/workload/render-metrics.js';

describe('parsePrometheusText', () => {
  it('GIVEN the devnet workload exposition WHEN parsed THEN its counter and gauges with labels and types', () => {
    const text = renderMetrics({
      requestsTotal: 1027,
      recentRps: 5,
      capacityRps: 10,
      startTimeSeconds: 1_700_000_000,
      labels: { lease: '7', service: 'web', replica: '0' },
    });
    const r = parsePrometheusText(text);
    expect(r.problems).toEqual([]);
    expect(r.types).toEqual({
      http_requests_total: 'counter',
      cpu_utilization_percent: 'gauge',
      process_start_time_seconds: 'gauge',
    });
    expect(r.samples[0]).toEqual({
      name: 'http_requests_total',
      labels: { lease: '7', service: 'web', replica: '0' },
      value: 1027,
      timestamp: null,
    });
    expect(r.samples.find((s) => s.name === 'cpu_utilization_percent')?.value).toBe(50);
  });

  it('GIVEN NaN, +Inf, -Inf, exponents and a timestamp WHEN parsed THEN each value reads', () => {
    const r = parsePrometheusText('a NaN\nb +Inf\nc -Inf\nd 1.5e3 1395066363000\ne -0.25\n');
    expect(r.samples.map((s) => s.value)).toEqual([Number.NaN, Infinity, -Infinity, 1500, -0.25]);
    expect(r.samples[3]?.timestamp).toBe(1395066363000);
  });

  it('GIVEN escaped label values and a trailing comma WHEN parsed THEN the labels unescape', () => {
    const r = parsePrometheusText('m{path="/a\\"b",note="x\\\\y\\nz",} 1');
    expect(r.samples[0]?.labels).toEqual({ path: '/a"b', note: 'x\\y\nz' });
  });

  it('GIVEN a label value with braces and spaces WHEN parsed THEN the value is kept whole', () => {
    const r = parsePrometheusText('m{q="a } b"} 2');
    expect(r.samples[0]).toMatchObject({ labels: { q: 'a } b' }, value: 2 });
  });

  it('GIVEN garbage lines among good ones WHEN parsed THEN problems name the lines and the good samples survive', () => {
    const r = parsePrometheusText(
      'good 1\n{oops} 2\nbad_value abc\nm{x="1" 3\nm 1 2 3\nalso_good 4',
    );
    expect(r.samples.map((s) => s.name)).toEqual(['good', 'also_good']);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(r.problems[1]?.message).toBe('bad_value: "abc" is not a number');
  });

  it('GIVEN comments, HELP lines, CRLF and blank lines WHEN parsed THEN they are skipped', () => {
    const r = parsePrometheusText('# just a comment\r\n# HELP m help text\r\n\r\nm 3\r\n');
    expect(r.samples).toHaveLength(1);
    expect(r.problems).toEqual([]);
  });

  it('GIVEN any text at all WHEN parsed THEN it never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parsePrometheusText(text);
        expect(Array.isArray(r.samples)).toBe(true);
      }),
    );
  });
});
