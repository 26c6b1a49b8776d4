import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { scrapeReplicas } from '../../../../provider/metrics/scrape-replicas.js';

// Real loopback servers: cheap, so nothing is mocked.
let server: Server;
let base = '';
let closedPort = 0;
beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  server = createServer((req, res) => {
    if (req.url === '/metrics')
      return void res.writeHead(200).end('# TYPE up gauge\nup 1\nbroken line\n');
    if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('up 1\n'), 500);
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

describe('scrapeReplicas', () => {
  it('GIVEN a good, a refusing and an erroring replica WHEN scraped THEN one observation each, in order', async () => {
    const r = await scrapeReplicas(
      [
        { replica: 'a', endpoint: base },
        { replica: 'b', endpoint: `http://127.0.0.1:${closedPort}` },
      ],
      { timeoutMs: 2000, concurrency: 4, clock: () => 7 },
    );
    expect(r[0]).toMatchObject({ replica: 'a', ok: true, at: 7, types: { up: 'gauge' } });
    expect(r[0]?.ok === true && r[0].samples).toEqual([
      { name: 'up', labels: {}, value: 1, timestamp: null },
    ]);
    expect(r[0]?.ok === true && r[0].problems.length).toBe(1);
    expect(r[1]).toMatchObject({ replica: 'b', ok: false, error: 'connection refused' });
  });

  it('GIVEN a non-2xx answer WHEN scraped THEN a failed observation naming the status', async () => {
    const [r] = await scrapeReplicas([{ replica: 'a', endpoint: base }], {
      timeoutMs: 2000,
      concurrency: 1,
      path: '/nope',
    });
    expect(r).toMatchObject({ ok: false, error: 'HTTP 500' });
  });

  it('GIVEN a replica slower than the timeout WHEN scraped THEN a timeout observation', async () => {
    const [r] = await scrapeReplicas([{ replica: 'a', endpoint: base }], {
      timeoutMs: 100,
      concurrency: 1,
      path: '/slow',
    });
    expect(r).toMatchObject({ ok: false, error: 'timed out after 0.1s' });
  });

  it('GIVEN an endpoint with credentials WHEN the scrape fails THEN the error text is redacted', async () => {
    const [r] = await scrapeReplicas(
      [{ replica: 'a', endpoint: `http://user:hunter2@127.0.0.1:${closedPort}` }],
      { timeoutMs: 500, concurrency: 1 },
    );
    expect(r?.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('hunter2');
  });
});
