import { describe, expect, it } from '@jest/globals';
import { percentile, summarizeLoad } from '../../../../devnet/load/summarize-load.js';
import type { LoadOutcome } from '../../../../devnet/load/summarize-load.js';

describe('percentile', () => {
  it('GIVEN 1..100 WHEN p50/p90/p99 THEN nearest ranks 50, 90, 99', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(xs, 50), percentile(xs, 90), percentile(xs, 99)]).toEqual([50, 90, 99]);
  });
  it('GIVEN one sample WHEN any percentile THEN that sample', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });
  it('GIVEN no samples WHEN asked THEN null', () => {
    expect(percentile([], 50)).toBeNull();
  });
});

describe('summarizeLoad', () => {
  const endpoints = ['http://127.0.0.1:1', 'http://127.0.0.1:2'];
  const outcomes: LoadOutcome[] = [
    { endpoint: 0, status: 200, latencyMs: 1 },
    { endpoint: 1, status: 200, latencyMs: 3 },
    { endpoint: 0, status: 500, latencyMs: 2 },
    { endpoint: 1, error: 'connection refused', latencyMs: 0.5 },
    { endpoint: 1, status: 204, latencyMs: 4 },
  ];
  const r = summarizeLoad({
    address: 'instance.web',
    rps: 5,
    durationMs: 1000,
    elapsedMs: 1002.4,
    endpoints,
    outcomes,
    skipped: 2,
  });

  it('GIVEN 2xx, a 500 and a refused connection WHEN summarized THEN ok counts only 2xx and errors carry reasons', () => {
    expect([r.sent, r.ok, r.errors, r.skipped]).toEqual([5, 3, 2, 2]);
    expect(r.errorReasons).toEqual({ 'HTTP 500': 1, 'connection refused': 1 });
  });

  it('GIVEN the outcomes WHEN summarized THEN per-endpoint totals and latency percentiles follow', () => {
    expect(r.endpoints).toEqual([
      { endpoint: endpoints[0], sent: 2, ok: 1 },
      { endpoint: endpoints[1], sent: 3, ok: 2 },
    ]);
    expect(r.latencyMs).toEqual({ p50: 2, p90: 4, p99: 4, max: 4 });
    expect(r.elapsedMs).toBe(1002);
  });
});
