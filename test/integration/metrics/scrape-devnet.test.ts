import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { injectFault } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { decideHealth } from '../../../provider/health/decide-health.js';
import { runProbes } from '../../../provider/health/run-probes.js';
import type { ReplicaProbeResult } from '../../../provider/health/run-probes.js';
import type { HealthCheckModel } from '../../../provider/spec/model-types.js';
import { scrapeReplicas } from '../../../provider/metrics/scrape-replicas.js';
import type { ScrapeObservation } from '../../../provider/metrics/scrape-replicas.js';
import { toMetricSamples } from '../../../provider/metrics/to-metric-samples.js';
import {
  authToken,
  createOrder,
  eventsSince,
  freshHome,
  manifest,
  orderDetails,
  orderSpec,
  providerBase,
  providerRequest,
  send,
  tenantOf,
  waitFor,
} from '../devnet/lifecycle-support.js';
import type { Tenant } from '../devnet/lifecycle-support.js';

jest.setTimeout(90_000);

// Scrapes a real devnet workload replica's /metrics through its forwarded port, before and after
// sending it requests: cpu and requests per second move with load. One devnet for the file.
const home = freshHome();
const DEPOSIT = 1_000_000_000n;
const MAX_PRICE = 5_555_555_555_555_556n;
let t: Tenant;
let endpoint = '';
let leaseId = 0n;

beforeAll(async () => {
  const info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 200,
  });
  t = tenantOf(info);
  const usdt = info.addressBook.tokens.find((x) => x.symbol === 'USDT')?.address ?? '';
  await send(
    t.c.token('USDT').getFunction('approve')(info.addressBook.contracts.EscrowUser, DEPOSIT),
  );
  await send(t.c.EscrowUser.getFunction('deposit')(usdt, DEPOSIT));
  const from = await t.rpc.getBlockNumber();
  const spec = orderSpec({ name: 'metrics', region: 'us-east' });
  const id = await createOrder(
    t,
    orderDetails({ maxPrice: MAX_PRICE, blocks: 2000n, token: usdt, spec }),
  );
  const matched = await waitFor('OrderMatched', async () => {
    const evs = await eventsSince(t, 'Bid', 'OrderMatched', from);
    return evs.find((e) => e[0] === id) ?? null;
  });
  leaseId = id;
  const base = await providerBase(t, matched[1] as string);
  const put = await providerRequest(`${base}/deployment/${id}/manifest`, {
    method: 'PUT',
    token: await authToken(t),
    body: manifest({ image: 'ghcr.io/acme/web:1.0', env: [] }),
  });
  expect(put.status).toBe(200);
  endpoint = await waitFor('forwarded port', async () => {
    const res = await providerRequest(`${base}/lease/${id}/1/1/status`, {
      token: await authToken(t),
    });
    if (res.status !== 200) return null;
    const status = JSON.parse(res.body) as {
      forwarded_ports: Record<string, { host: string; externalPort: number }[]> | null;
    };
    const fp = status.forwarded_ports?.['web']?.[0];
    return fp === undefined ? null : `http://${fp.host}:${fp.externalPort}`;
  });
}, 120_000);

afterAll(async () => {
  t?.rpc.destroy();
  await stopDevnet({ home });
});

const CPU = { type: 'cpu' as const, targetAverageUtilization: 70 };
const RPS = { type: 'requestsPerSecond' as const, targetAverageValue: 5 };
const scrape = async (): Promise<ScrapeObservation> => {
  const [o] = await scrapeReplicas([{ replica: 'web-0', endpoint }], {
    timeoutMs: 2000,
    concurrency: 4,
  });
  if (o === undefined) throw new Error('no observation');
  return o;
};
const valueOf = (samples: ReturnType<typeof toMetricSamples>, i: number): number | undefined =>
  samples[i]?.samples[0]?.value;

describe('scraping a devnet workload', () => {
  it('GIVEN an idle replica WHEN requests arrive between two scrapes THEN cpu and rps rise, and rps falls back when they stop', async () => {
    const idle = await waitFor('metrics', async () => {
      const o = await scrape();
      return o.ok ? o : null;
    });
    const before = toMetricSamples([CPU, RPS], [idle], []);
    expect(valueOf(before, 0)).toBe(0);
    expect(before[1]?.samples).toEqual([]); // a rate needs two scrapes

    for (let i = 0; i < 40; i += 1) await fetch(`${endpoint}/`).then((r) => r.text());
    const loaded = await scrape();
    expect(loaded.ok).toBe(true);
    const during = toMetricSamples([CPU, RPS], [loaded], [idle]);
    // 40 requests within the workload's 10 s window at 10 rps capacity: 4 rps → 40 %.
    expect(valueOf(during, 0)).toBeCloseTo(40, 0);
    const seconds = (loaded.at - idle.at) / 1000;
    expect(valueOf(during, 1)).toBeCloseTo(40 / seconds, 5);

    await new Promise((r) => setTimeout(r, 300));
    const after = toMetricSamples([CPU, RPS], [await scrape()], [loaded]);
    expect(valueOf(after, 1)).toBe(0); // scrapes themselves are not counted as requests
  });

  it('GIVEN a port nobody listens on WHEN scraped THEN a failed observation, not a throw', async () => {
    const [o] = await scrapeReplicas([{ replica: 'gone', endpoint: 'http://127.0.0.1:9' }], {
      timeoutMs: 1000,
      concurrency: 1,
    });
    expect(o?.ok).toBe(false);
  });
});

describe('probing the same workload (health)', () => {
  const check: HealthCheckModel = {
    instance: 'instance.web',
    probe: {
      type: 'http',
      path: '/healthz',
      port: 8080,
      expectedStatus: { min: 200, max: 399 },
      headers: {},
    },
    interval: 100,
    timeout: 1000,
    healthyThreshold: 1,
    unhealthyThreshold: 3,
    gracePeriod: 0,
    onFailure: 'replace',
    maxReplacementsPerHour: 3,
  };
  const probe = async (): Promise<ReplicaProbeResult> => {
    const [r] = await runProbes({ check, targets: [{ replica: 'web-0', endpoint }] });
    if (r === undefined) throw new Error('no result');
    return r;
  };

  it('GIVEN a healthy replica WHEN an unhealthy fault is injected THEN probes fail with HTTP 500 and three of them decide a replacement', async () => {
    expect(await probe()).toMatchObject({ ok: true, status: 200 });
    await injectFault({ home, target: `lease:${leaseId}`, kind: 'unhealthy' });
    try {
      const results = [await probe(), await probe(), await probe()];
      expect(results.map((r) => r.error)).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 500']);
      const now = Math.max(...results.map((r) => r.at));
      const d = decideHealth({
        check,
        replicas: [
          {
            id: 'web-0',
            provider: 'p',
            readySince: now - 60_000,
            probes: results,
            signals: { ready: true, restarting: false, reachable: true },
          },
        ],
        now,
        replacementsInLastHour: 0,
      });
      expect(d.actions[0]?.action).toBe('replace');
    } finally {
      await injectFault({ home, target: `lease:${leaseId}`, kind: 'clear' });
    }
    expect(await probe()).toMatchObject({ ok: true });
  });
});
