import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DiagnosticsError } from '../../../../cli/diag/index.js';
import { controlRequest } from '../../../../devnet/supervisor/control-client.js';
import { startControlServer } from '../../../../devnet/supervisor/control-server.js';
import type { ControlServer } from '../../../../devnet/supervisor/control-server.js';
import { parseFault } from '../../../../devnet/supervisor/parse-fault.js';

// A real loopback server with small in-memory handlers: the routing, the token check and the
// error mapping are what is under test, and HTTP on 127.0.0.1 is cheap.
const token = 'a'.repeat(48);
let server: ControlServer;
let shutdowns = 0;
const faults: unknown[] = [];

beforeAll(async () => {
  server = await startControlServer({
    token,
    handlers: {
      status: async () => ({ blockNumber: 12, big: 10n ** 20n }),
      fault: async (req) => {
        const parsed = parseFault({ ...req, providers: ['p1', 'p2'] });
        faults.push(parsed);
        return { kind: parsed.kind };
      },
      unmatchedReason: (id) => ({
        orderId: String(id),
        reason: id === 3n ? 'no provider met: x (0/2)' : null,
      }),
      shutdown: () => {
        shutdowns += 1;
      },
    },
  });
});
afterAll(() => server.close());

describe('control API', () => {
  const endpoint = (): { url: string; token: string } => ({ url: server.url, token });

  it('GIVEN the token WHEN GET /status THEN the handler body comes back, bigints as strings', async () => {
    const body = await controlRequest(endpoint(), { method: 'GET', path: '/status' });
    expect(body).toEqual({ blockNumber: 12, big: '100000000000000000000' });
  });

  it('GIVEN no or a wrong token WHEN calling THEN it answers 401 and nothing runs', async () => {
    const none = await fetch(`${server.url}/shutdown`, { method: 'POST' });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${server.url}/shutdown`, {
      method: 'POST',
      headers: { authorization: `Bearer ${'b'.repeat(48)}` },
    });
    expect(wrong.status).toBe(401);
    expect(shutdowns).toBe(0);
    await expect(
      controlRequest({ url: server.url, token: 'nope' }, { method: 'GET', path: '/status' }),
    ).rejects.toMatchObject({ code: 'devnet/control-failed' });
  });

  it('GIVEN a valid fault WHEN POST /fault THEN the handler receives target and kind', async () => {
    const body = await controlRequest(endpoint(), {
      method: 'POST',
      path: '/fault',
      body: { target: 'provider-2', kind: 'offline' },
    });
    expect(body).toEqual({ kind: 'offline' });
    expect(faults).toContainEqual({ kind: 'offline', provider: 'p2' });
  });

  it('GIVEN a bad fault target WHEN POST /fault THEN the diagnostics come back as a DiagnosticsError', async () => {
    const err = await controlRequest(endpoint(), {
      method: 'POST',
      path: '/fault',
      body: { target: 'provider-9', kind: 'offline' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticsError);
    expect((err as DiagnosticsError).diagnostics[0]?.code).toBe('devnet/unknown-target');
  });

  it('GIVEN an order id WHEN GET /orders/{id}/unmatched-reason THEN the matcher reason is returned', async () => {
    expect(
      await controlRequest(endpoint(), { method: 'GET', path: '/orders/3/unmatched-reason' }),
    ).toEqual({ orderId: '3', reason: 'no provider met: x (0/2)' });
    expect(
      await controlRequest(endpoint(), { method: 'GET', path: '/orders/4/unmatched-reason' }),
    ).toEqual({ orderId: '4', reason: null });
  });

  it('GIVEN an unknown route WHEN calling THEN it is a control failure naming HTTP 404', async () => {
    await expect(
      controlRequest(endpoint(), { method: 'GET', path: '/nope' }),
    ).rejects.toMatchObject({
      code: 'devnet/control-failed',
      detail: expect.stringContaining('404'),
    });
  });

  it('GIVEN the token WHEN POST /shutdown THEN it answers 202 and the handler runs once', async () => {
    expect(await controlRequest(endpoint(), { method: 'POST', path: '/shutdown' })).toEqual({
      stopping: true,
    });
    await new Promise((r) => setImmediate(r));
    expect(shutdowns).toBe(1);
  });
});
