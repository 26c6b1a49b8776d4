import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { observeReplicas } from '../../../../provider/status/observe-replicas.js';
import type { HealthCheckModel } from '../../../../provider/spec/model-types.js';

// Real loopback listeners standing in for replicas (cheap, so no mocks): a counter that moves by
// 10 between the two scrapes, a health path that answers 200 or 500.
let requests = 0;
const servers: Server[] = [];
const endpoints: string[] = [];

beforeAll(async () => {
  for (const healthy of [true, false]) {
    const s = createServer((req, res) => {
      if (req.url === '/metrics') {
        res.end(`http_requests_total ${requests}\ncpu_utilization_percent 25\n`);
        requests += 10;
        return;
      }
      res.writeHead(healthy ? 200 : 500).end();
    });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    servers.push(s);
    endpoints.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
});

const check: HealthCheckModel = {
  instance: 'instance.web',
  probe: {
    type: 'http',
    path: '/healthz',
    port: 8080,
    expectedStatus: { min: 200, max: 299 },
    headers: {},
  },
  interval: 1000,
  timeout: 1000,
  healthyThreshold: 1,
  unhealthyThreshold: 1,
  gracePeriod: 0,
  onFailure: 'alert',
  maxReplacementsPerHour: 1,
};

describe('observeReplicas', () => {
  it('GIVEN two leases (one checked, one refused) WHEN observed THEN health per probe, rps over the window, nulls for the dead one', async () => {
    const target = (name: string, endpoint: string | null) => ({
      name,
      ready: endpoint !== null,
      restarts: 0,
      startedAt: 0,
      endpoint,
    });
    const [checked = [], unchecked = []] = await observeReplicas(
      [
        {
          targets: [
            target('web-0', endpoints[0] ?? ''),
            target('web-1', endpoints[1] ?? ''),
            target('web-2', null),
          ],
          check,
        },
        { targets: [target('api-0', 'http://127.0.0.1:1')], check: null },
      ],
      { rateWindowMs: 200 },
    );
    expect(checked.map((r) => r.health)).toEqual(['healthy', 'unhealthy', 'starting']);
    expect(checked[0]?.cpuPercent).toBe(25);
    // The shared counter moves by 10 per scrape and both listeners share it: 2 scrapes apart ≈ 200 ms.
    expect(checked[0]?.rps).toBeGreaterThan(20);
    expect(checked[2]).toMatchObject({ cpuPercent: null, rps: null });
    expect(unchecked).toEqual([
      { name: 'api-0', ready: true, restarts: 0, health: 'healthy', cpuPercent: null, rps: null },
    ]);
  });

  it('GIVEN no leases WHEN observed THEN nothing, at once', async () => {
    expect(await observeReplicas([])).toEqual([]);
  });
});
