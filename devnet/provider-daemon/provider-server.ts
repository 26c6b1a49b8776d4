/**
 * The provider's HTTPS API on its loopback address (reference §2.6, docs/spheron-versions.md):
 * manifest, lease and service status, logs and events over WebSocket, `/version`, `/status` and
 * `/address`, on the v2 routes, the v1 `/1/1/` routes or both (`api` in providers.json). A route
 * it does not serve gets Go's bare "404 page not found", as a real provider's router answers. The
 * `offline` fault closes the listener and drops every connection; clearing it listens again on
 * the same port.
 */
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parseLeasePath, ROUTE_NOT_FOUND_BODY } from '../../wire/provider-routes.js';
import type { ParsedLeasePath } from '../../wire/provider-routes.js';
import { authorizeRequest } from './authorize-request.js';
import { handleLogUpgrade } from './log-socket.js';
import type { ProviderBackend } from './provider-backend.js';
import { toLeaseStatus, toServiceStatus } from './to-lease-status.js';

/** Options of {@link startProviderServer}. */
export interface StartProviderServerOptions {
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly cert: string;
  readonly key: string;
  readonly backend: ProviderBackend;
  readonly version: Record<string, unknown>;
  /** Which lease routes it serves: v1 (`/1/1/`), v2 or both. @default 'both' */
  readonly api?: ProviderApiSupport | undefined;
  readonly log: (line: string) => void;
}

/** The API versions a devnet provider serves. */
export type ProviderApiSupport = 'v1' | 'v2' | 'both';

/** The lease path if this provider serves it, else null (a route-level 404). */
export function servedLeasePath(api: ProviderApiSupport, path: string): ParsedLeasePath | null {
  const parsed = parseLeasePath(path);
  if (parsed === null || (api !== 'both' && parsed.api !== api)) return null;
  return parsed;
}

/** A running provider API. */
export interface ProviderServer {
  readonly host: string;
  readonly port: number;
  /** Stops accepting connections and drops open ones (the `offline` fault). */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  close(): Promise<void>;
}

const MANIFEST_ROUTE = /^\/deployment\/(\d+)\/manifest$/;
const MAX_BODY = 1 << 20;

/** Starts the API; resolves once it listens. */
export async function startProviderServer(
  opts: StartProviderServerOptions,
): Promise<ProviderServer> {
  const sockets = new Set<Socket>();
  let port = opts.port;
  let server: Server | null = null;
  const open = async (): Promise<void> => {
    const s = createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
      route(opts, req, res).catch((err: unknown) => {
        opts.log(
          `provider api: ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`,
        );
        if (!res.headersSent) send(res, 500, 'internal error');
      });
    });
    s.on('connection', (sock: Socket) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    s.on('upgrade', (req: IncomingMessage, sock: Socket, head: Buffer) => {
      void handleLogUpgrade({
        backend: opts.backend,
        req,
        socket: sock,
        head,
        served: (path) => servedLeasePath(opts.api ?? 'both', path),
      });
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, opts.host, () => {
        s.off('error', reject);
        resolve();
      });
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  const shut = async (): Promise<void> => {
    const s = server;
    server = null;
    if (s === null) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const sock of sockets) sock.destroy();
    await closed;
  };
  await open();
  return {
    host: opts.host,
    get port() {
      return port;
    },
    goOffline: shut,
    goOnline: async () => {
      if (server === null) await open();
    },
    close: shut,
  };
}

async function route(
  opts: StartProviderServerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'https://provider').pathname;
  const method = req.method ?? 'GET';
  if (method === 'GET' && path === '/version') return json(res, 200, opts.version);
  if (method === 'GET' && path === '/status') return json(res, 200, opts.backend.inventory());
  if (method === 'GET' && path === '/address')
    return json(res, 200, { address: opts.backend.address });
  const manifest = MANIFEST_ROUTE.exec(path);
  const api = opts.api ?? 'both';
  if (manifest !== null) {
    // The manifest route is the same in both API versions; v2 orders POST their compact
    // manifest on create and PUT it on update, v1 orders PUT the Akash-style one.
    if (method !== 'PUT' && method !== 'POST') return send(res, 405, 'method not allowed');
    return putManifest(opts.backend, req, res, BigInt(manifest[1] ?? '0'));
  }
  const lease = servedLeasePath(api, path);
  if (lease === null) return send(res, 404, ROUTE_NOT_FOUND_BODY);
  if (lease.route.kind === 'logs' || lease.route.kind === 'events')
    return send(res, 400, 'logs and events are served over a WebSocket');
  if (method !== 'GET') return send(res, 405, 'method not allowed');
  const leaseId = lease.leaseId;
  const auth = await authorizeRequest(opts.backend, req.headers['auth-spheron'], leaseId);
  if (!auth.ok) return send(res, auth.status, auth.message);
  const workload = opts.backend.workload(leaseId);
  if (workload === undefined) return send(res, 404, 'no manifest received for this lease');
  const services = workload.snapshot();
  const shape = lease.api === 'v2' ? 'v2' : 'v1';
  if (lease.route.kind === 'status') return json(res, 200, toLeaseStatus(services, shape));
  const name = lease.route.service;
  const svc = services.find((s) => s.name === name);
  if (svc === undefined) return send(res, 404, `no service "${name}"`);
  return json(res, 200, toServiceStatus(svc, shape));
}

async function putManifest(
  backend: ProviderBackend,
  req: IncomingMessage,
  res: ServerResponse,
  leaseId: bigint,
): Promise<void> {
  const raw = await readBody(req);
  const auth = await authorizeRequest(backend, req.headers['auth-spheron'], leaseId);
  if (!auth.ok) return send(res, auth.status, auth.message);
  if (raw === null) return send(res, 413, 'manifest larger than 1 MiB');
  if (backend.faults.has('reject-manifest', leaseId)) {
    return send(res, 422, 'manifest rejected: fault reject-manifest is set on this provider');
  }
  let body: unknown;
  try {
    body = JSON.parse(raw) as unknown;
  } catch {
    return send(res, 422, 'manifest is not valid JSON');
  }
  const diags = await backend.putManifest(leaseId, body);
  if (diags.length > 0) {
    return send(
      res,
      422,
      diags.map((d) => `${d.code}: ${d.summary}. ${d.detail ?? ''}`).join('\n'),
    );
  }
  res.writeHead(200).end();
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
