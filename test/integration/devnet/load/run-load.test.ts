import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runLoad } from '../../../../devnet/load/run-load.js';

// Two real loopback listeners (cheap, so no mocks): one answers 200, one 503.
const hits = [0, 0];
const servers: Server[] = [];
const endpoints: string[] = [];

beforeAll(async () => {
  for (const [i, status] of [200, 503].entries()) {
    const s = createServer((_req, res) => {
      hits[i] = (hits[i] ?? 0) + 1;
      res.writeHead(status).end('x');
    });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    servers.push(s);
    endpoints.push(`http://127.0.0.1:${(s.address() as AddressInfo).port}`);
  }
  endpoints.push('http://127.0.0.1:1');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
});

describe('runLoad', () => {
  it('GIVEN three endpoints (200, 503, refused) WHEN 30 requests run THEN they spread round-robin and each outcome is counted', async () => {
    const r = await runLoad({ address: 'instance.web', endpoints, rps: 100, durationMs: 300 });
    expect([r.sent, r.ok, r.errors, r.skipped]).toEqual([30, 10, 20, 0]);
    expect(r.endpoints.map((e) => e.sent)).toEqual([10, 10, 10]);
    expect(hits).toEqual([10, 10]);
    expect(r.errorReasons).toEqual({ 'HTTP 503': 10, 'connection refused': 10 });
    expect(r.latencyMs.p50).not.toBeNull();
  });

  it('GIVEN an aborted signal WHEN run THEN it sends at most the first request and returns', async () => {
    const stop = new AbortController();
    stop.abort();
    const r = await runLoad({
      address: 'a',
      endpoints,
      rps: 100,
      durationMs: 60_000,
      signal: stop.signal,
    });
    expect(r.sent).toBe(0);
  });
});
