import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeaseholdError } from '../../common/diag/index.js';

/** What the control API can do; the supervisor implements it over its matcher and daemons. */
export interface ControlHandlers {
  readonly status: () => Promise<unknown>;
  /** Throws a LeaseholdError for a bad target or kind (answered 400 with diagnostics). */
  readonly fault: (req: { target: string; kind: string }) => Promise<unknown>;
  readonly unmatchedReason: (orderId: bigint) => unknown;
  /** Starts an orderly shutdown; the response is sent before it proceeds. */
  readonly shutdown: () => void;
}

/** A listening control API. */
export interface ControlServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Options of {@link startControlServer}. */
export interface StartControlServerOptions {
  readonly token: string;
  readonly handlers: ControlHandlers;
  /** @default 0 (any free port) */
  readonly port?: number | undefined;
}

/**
 * Serves the supervisor's control API on 127.0.0.1: `GET /status`, `POST /fault`,
 * `GET /orders/{id}/unmatched-reason`, `POST /shutdown`. Every request needs the bearer token
 * from devnet.json, so another local user cannot shut the devnet down or inject faults.
 */
export async function startControlServer(opts: StartControlServerOptions): Promise<ControlServer> {
  const expected = Buffer.from(`Bearer ${opts.token}`);
  const server = createServer((req, res) => {
    const got = Buffer.from(req.headers.authorization ?? '');
    if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
      send(res, 401, { error: 'missing or wrong control token' });
      return;
    }
    route(req, opts.handlers)
      .then(([status, body]) => send(res, status, body))
      .catch((err: unknown) => {
        if (err instanceof LeaseholdError) send(res, 400, { error: err.toDiagnostics() });
        else send(res, 500, { error: err instanceof Error ? err.message : String(err) });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(req: IncomingMessage, h: ControlHandlers): Promise<[number, unknown]> {
  const path = new URL(req.url ?? '/', 'http://control').pathname;
  if (req.method === 'GET' && path === '/status') return [200, await h.status()];
  if (req.method === 'POST' && path === '/fault') {
    const body = await readJson(req);
    const target = typeof body['target'] === 'string' ? body['target'] : '';
    const kind = typeof body['kind'] === 'string' ? body['kind'] : '';
    return [200, await h.fault({ target, kind })];
  }
  const reason = /^\/orders\/(\d+)\/unmatched-reason$/.exec(path);
  if (req.method === 'GET' && reason?.[1] !== undefined)
    return [200, h.unmatchedReason(BigInt(reason[1]))];
  if (req.method === 'POST' && path === '/shutdown') {
    setImmediate(h.shutdown);
    return [202, { stopping: true }];
  }
  return [404, { error: `no route ${req.method ?? ''} ${path}` }];
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  res.writeHead(status, { 'content-type': 'application/json' }).end(text);
}
