import { describe, expect, it } from '@jest/globals';
import { decideReplicaStatus } from '../../../../provider/status/decide-replica-status.js';
import type { DecideReplicaStatusInput } from '../../../../provider/status/decide-replica-status.js';
import type { ScrapePoint } from '../../../../provider/metrics/read-metric.js';
import type { HealthCheckModel } from '../../../../provider/spec/model-types.js';

const check: HealthCheckModel = {
  instance: 'instance.web',
  probe: {
    type: 'http',
    path: '/healthz',
    port: 8080,
    expectedStatus: { min: 200, max: 399 },
    headers: {},
  },
  interval: 10_000,
  timeout: 2000,
  healthyThreshold: 1,
  unhealthyThreshold: 3,
  gracePeriod: 30_000,
  onFailure: 'replace',
  maxReplacementsPerHour: 3,
};
const point = (at: number, requests: number, cpu: number): ScrapePoint => ({
  at,
  samples: [
    { name: 'http_requests_total', labels: {}, value: requests, timestamp: null },
    { name: 'cpu_utilization_percent', labels: {}, value: cpu, timestamp: null },
  ],
});
const NOW = 1_000_000;
const input = (o: Partial<DecideReplicaStatusInput> = {}): DecideReplicaStatusInput => ({
  target: {
    name: 'web-0',
    ready: true,
    restarts: 0,
    startedAt: NOW - 60_000,
    endpoint: 'http://127.0.0.1:1',
  },
  check,
  probe: { ok: true, at: NOW },
  first: point(NOW - 1000, 100, 40),
  second: point(NOW, 112, 41.234),
  now: NOW,
  ...o,
});
const health = (o: Partial<DecideReplicaStatusInput>) => decideReplicaStatus(input(o)).health;
const failed = { ok: false, at: NOW, error: 'HTTP 500' };

describe('decideReplicaStatus', () => {
  it('GIVEN a ready replica passing its probe WHEN decided THEN healthy, cpu from the gauge, rps over the window', () => {
    expect(decideReplicaStatus(input())).toEqual({
      name: 'web-0',
      ready: true,
      restarts: 0,
      health: 'healthy',
      cpuPercent: 41.23,
      rps: 12,
    });
  });

  it('GIVEN a failing probe past the grace period WHEN decided THEN unhealthy', () => {
    expect(health({ probe: failed })).toBe('unhealthy');
  });

  it('GIVEN a failing probe 10 s after start with a 30 s grace period WHEN decided THEN still starting', () => {
    const target = { ...input().target, startedAt: NOW - 10_000 };
    expect(health({ probe: failed, target })).toBe('starting');
  });

  it('GIVEN a replica not ready WHEN decided THEN starting, or unhealthy once it has restarted', () => {
    const target = { ...input().target, ready: false, endpoint: null };
    expect(health({ target, probe: null })).toBe('starting');
    expect(health({ target: { ...target, restarts: 2 }, probe: null })).toBe('unhealthy');
  });

  it('GIVEN no health check WHEN decided THEN the provider readiness decides', () => {
    expect(health({ check: null, probe: null })).toBe('healthy');
  });

  it('GIVEN a check but no probe result WHEN decided THEN unknown', () => {
    expect(health({ probe: null })).toBe('unknown');
  });

  it('GIVEN only one scrape WHEN decided THEN cpu from it and no rps', () => {
    const r = decideReplicaStatus(input({ second: null }));
    expect([r.cpuPercent, r.rps]).toEqual([40, null]);
  });

  it('GIVEN no scrape WHEN decided THEN both metrics are null', () => {
    const r = decideReplicaStatus(input({ first: null, second: null }));
    expect([r.cpuPercent, r.rps]).toEqual([null, null]);
  });

  it('GIVEN a counter reset between scrapes WHEN decided THEN the rate counts from zero', () => {
    expect(decideReplicaStatus(input({ second: point(NOW, 5, 1) })).rps).toBe(5);
  });
});
