import { describe, expect, it } from '@jest/globals';
import { get } from 'node:http';
import { Replica } from '../../../../devnet/workload/index.js';
import type { ReplicaFaults } from '../../../../devnet/workload/index.js';
import { waitFor } from '../../../support/wait-for.js';

function fetchText(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

function replica(faults: { current: ReplicaFaults }, lines: string[] = []): Replica {
  return new Replica({
    leaseId: '3',
    service: 'api',
    index: 0,
    image: 'api:1',
    envKeys: ['A'],
    envSha256: { A: 'c0ffee' },
    ports: [{ port: 8080, externalPort: 80, proto: 'TCP' }],
    startDelayMs: 20,
    capacityRps: 10,
    slowDelayMs: 5000, // long enough that a busy machine still sees /metrics answer first
    crashAfterMs: 10_000,
    faults: () => faults.current,
    log: (m) => lines.push(m),
  });
}

const NONE: ReplicaFaults = { unhealthy: false, slow: false, crash: false };

describe('Replica', () => {
  it('GIVEN a started replica WHEN the unhealthy fault is set THEN 500 everywhere but /metrics', async () => {
    const faults = { current: NONE };
    const lines: string[] = [];
    const r = replica(faults, lines);
    r.start();
    expect(r.state).toBe('waiting');
    await waitFor('running', () => r.state === 'running');
    const port = r.listeners[0]?.hostPort ?? 0;
    expect((await fetchText(port, '/healthz')).status).toBe(200);
    faults.current = { ...NONE, unhealthy: true };
    expect((await fetchText(port, '/healthz')).status).toBe(500);
    expect((await fetchText(port, '/')).status).toBe(500);
    expect((await fetchText(port, '/metrics')).status).toBe(200);
    expect(lines).toContain('GET /healthz 500');
    await r.stop();
    expect(r.state).toBe('terminated');
    await expect(fetchText(port, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('GIVEN a running replica WHEN / is asked THEN it names its env keys and their value fingerprints', async () => {
    const r = replica({ current: NONE });
    r.start();
    await waitFor('running', () => r.state === 'running');
    const res = await fetchText(r.listeners[0]?.hostPort ?? 0, '/');
    expect(JSON.parse(res.body)).toMatchObject({ env: ['A'], envSha256: { A: 'c0ffee' } });
    await r.stop();
  });

  it('GIVEN the crash fault WHEN crashed THEN it restarts on the same port with restartCount 1', async () => {
    const faults = { current: NONE };
    const r = replica(faults);
    r.start();
    await waitFor('running', () => r.state === 'running');
    const port = r.listeners[0]?.hostPort ?? 0;
    await r.crash();
    expect(r.state).toBe('waiting');
    expect(r.listeners).toEqual([]);
    expect(r.restartCount).toBe(1);
    await waitFor('restarted', () => r.state === 'running');
    expect(r.listeners[0]?.hostPort).toBe(port);
    await r.stop();
  });

  it('GIVEN the slow fault WHEN a request is made THEN a later /metrics answers before it', async () => {
    const faults = { current: { ...NONE, slow: true } };
    const r = replica(faults);
    r.start();
    await waitFor('running', () => r.state === 'running');
    const port = r.listeners[0]?.hostPort ?? 0;
    const order: string[] = [];
    const slow = fetchText(port, '/').then(() => order.push('slow'));
    // /metrics answers while the slow request is still held: it already counts it.
    await waitFor('the slow request counted by /metrics', async () =>
      /^http_requests_total\S* 1$/m.test((await fetchText(port, '/metrics')).body),
    );
    order.push('metrics');
    await slow;
    expect(order).toEqual(['metrics', 'slow']);
    await r.stop();
  });
});
