import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runProbes } from '../../../../provider/health/run-probes.js';
import type { HealthCheckModel } from '../../../../provider/spec/model-types.js';

// A real loopback server: probing it is cheap, so nothing is mocked.
let server: Server;
let endpoint = '';
let seenToken: string | undefined;
beforeAll(async () => {
  server = createServer((req, res) => {
    seenToken = req.headers['x-token'] as string | undefined;
    res.writeHead(req.url === '/bad' ? 503 : 200).end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const http = (path: string): HealthCheckModel => ({
  instance: 'instance.web',
  probe: {
    type: 'http',
    path,
    port: 8080,
    expectedStatus: { min: 200, max: 399 },
    headers: { 'x-token': 'sekrit-header-value' },
  },
  interval: 10_000,
  timeout: 1000,
  healthyThreshold: 1,
  unhealthyThreshold: 3,
  gracePeriod: 0,
  onFailure: 'replace',
  maxReplacementsPerHour: 3,
});

describe('runProbes', () => {
  it('GIVEN a healthy, an unhealthy and an unreachable replica WHEN probed THEN one result each, in order, none thrown', async () => {
    const refused = 'http://127.0.0.1:1';
    const r = await runProbes({
      check: http('/healthz'),
      targets: [
        { replica: 'a', endpoint },
        { replica: 'b', endpoint: refused },
        { replica: 'c', endpoint: null },
      ],
      clock: () => 42,
    });
    expect(r[0]).toMatchObject({ replica: 'a', ok: true, status: 200, at: 42 });
    expect(seenToken).toBe('sekrit-header-value');
    expect(r[1]).toMatchObject({ replica: 'b', ok: false });
    expect(r[1]?.error).toContain('ECONNREFUSED');
    expect(r[2]).toMatchObject({ replica: 'c', ok: false, error: 'no forwarded port' });
  });

  it('GIVEN a status outside the expected range WHEN probed THEN a failure naming the status', async () => {
    const [r] = await runProbes({ check: http('/bad'), targets: [{ replica: 'a', endpoint }] });
    expect(r).toMatchObject({ ok: false, error: 'HTTP 503' });
  });

  it('GIVEN a tcp check WHEN the port listens THEN ok', async () => {
    const check: HealthCheckModel = { ...http('/'), probe: { type: 'tcp', port: 8080 } };
    const [r] = await runProbes({ check, targets: [{ replica: 'a', endpoint }] });
    expect(r?.ok).toBe(true);
  });

  it('GIVEN a probe that throws with a header value in its message WHEN run THEN a failed result, value redacted', async () => {
    const [r] = await runProbes({
      check: http('/'),
      targets: [{ replica: 'a', endpoint }],
      probe: () => Promise.reject(new Error('boom sekrit-header-value')),
    });
    expect(r?.ok).toBe(false);
    expect(r?.error).not.toContain('sekrit-header-value');
  });

  it('GIVEN 20 targets and concurrency 3 WHEN probed THEN never more than 3 in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const probe = async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight -= 1;
      return { healthy: true as const, status: 200 };
    };
    const targets = Array.from({ length: 20 }, (_, i) => ({ replica: `r${i}`, endpoint }));
    const r = await runProbes({ check: http('/'), targets, concurrency: 3, probe });
    expect(r).toHaveLength(20);
    expect(peak).toBe(3);
  });
});
