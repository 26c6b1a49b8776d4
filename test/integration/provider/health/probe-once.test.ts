import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeOnce } from '../../../../provider/health/probe-once.js';

// A real loopback server: cheap, so no mock.
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 300);
      return;
    }
    res.statusCode = req.url === '/healthz' && req.headers['x-probe'] === 'yes' ? 204 : 503;
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

const http = (path: string, headers: Record<string, string> = {}) => ({
  type: 'http' as const,
  endpoint: `http://127.0.0.1:${port}`,
  path,
  expectedStatus: { min: 200, max: 299 },
  headers,
});

describe('probeOnce', () => {
  it('GIVEN a path answering in the expected range WHEN probed over http THEN healthy', async () => {
    expect(
      await probeOnce({ target: http('/healthz', { 'x-probe': 'yes' }), timeoutMs: 1000 }),
    ).toEqual({
      healthy: true,
      status: 204,
    });
  });

  it('GIVEN a status outside the range WHEN probed THEN unhealthy with the status', async () => {
    expect(await probeOnce({ target: http('/healthz'), timeoutMs: 1000 })).toEqual({
      healthy: false,
      reason: 'HTTP 503',
    });
  });

  it('GIVEN a response slower than the timeout WHEN probed THEN unhealthy, timed out', async () => {
    const res = await probeOnce({ target: http('/slow'), timeoutMs: 50 });
    expect(res).toEqual({ healthy: false, reason: 'timed out after 50 ms' });
  });

  it('GIVEN a listening port WHEN probed over tcp THEN healthy; a closed one THEN unhealthy', async () => {
    expect(
      await probeOnce({ target: { type: 'tcp', host: '127.0.0.1', port }, timeoutMs: 500 }),
    ).toEqual({
      healthy: true,
      status: null,
    });
    const closed = await probeOnce({
      target: { type: 'tcp', host: '127.0.0.1', port: 1 },
      timeoutMs: 500,
    });
    expect(closed.healthy).toBe(false);
  });
});
