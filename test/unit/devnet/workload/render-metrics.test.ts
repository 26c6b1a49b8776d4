import { describe, expect, it } from '@jest/globals';
import {
  cpuUtilizationPercent,
  renderMetrics,
  RequestMeter,
} from '../../../../devnet/workload/index.js';

describe('cpuUtilizationPercent', () => {
  it('GIVEN a rate below, at and above capacity THEN proportional, then capped at 100', () => {
    expect(cpuUtilizationPercent(5, 10)).toBe(50);
    expect(cpuUtilizationPercent(10, 10)).toBe(100);
    expect(cpuUtilizationPercent(25, 10)).toBe(100);
    expect(cpuUtilizationPercent(0, 10)).toBe(0);
  });
});

describe('renderMetrics', () => {
  it('GIVEN counters WHEN rendered THEN the three series appear with labels and types', () => {
    const text = renderMetrics({
      requestsTotal: 42,
      recentRps: 2.5,
      capacityRps: 10,
      startTimeSeconds: 1700000000,
      labels: { lease: '7', service: 'web' },
    });
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toContain('http_requests_total{lease="7",service="web"} 42');
    expect(text).toContain('cpu_utilization_percent{lease="7",service="web"} 25');
    expect(text).toContain('process_start_time_seconds{lease="7",service="web"} 1700000000');
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('RequestMeter', () => {
  it('GIVEN requests over time WHEN the rate is read THEN only the window counts, the total keeps all', () => {
    const m = new RequestMeter(1000);
    for (let t = 0; t < 10; t += 1) m.record(t * 100);
    expect(m.rate(950)).toBe(10);
    expect(m.rate(1450)).toBe(5);
    expect(m.rate(5000)).toBe(0);
    expect(m.count).toBe(10);
  });
});
