/**
 * The logs and events WebSockets, `/lease/{id}/logs|events?follow&tail&service` (v1:
 * `/lease/{id}/1/1/logs|kubeevents`): `{name, message}` log frames, the last `tail` lines first,
 * then new lines while `follow` is set; events are Kubernetes-style frames derived from the
 * replicas' states. Authorized like every lease route; a lease with no running replica gets close
 * code 4000 "no running pods" for logs, and 4001 "lease not found" for events without a manifest.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { ROUTE_NOT_FOUND_BODY } from '../../wire/provider-routes.js';
import type { ParsedLeasePath } from '../../wire/provider-routes.js';
import type { Workload } from '../workload/workload.js';
import { toLeaseEvents } from './lease-events.js';
import { authorizeRequest } from './authorize-request.js';
import type { ProviderBackend } from './provider-backend.js';

/** Input of {@link handleLogUpgrade}. */
export interface LogUpgradeInput {
  readonly backend: ProviderBackend;
  readonly req: IncomingMessage;
  readonly socket: Socket;
  readonly head: Buffer;
  /** The lease path if this provider serves it (its API versions), else null. */
  readonly served: (path: string) => ParsedLeasePath | null;
}

const wss = new WebSocketServer({ noServer: true });
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
};

function refuse(socket: Socket, status: number, message: string): void {
  const text = `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${message}`;
  socket.end(text);
}

/** Answers a WebSocket upgrade on the provider API. */
export async function handleLogUpgrade(input: LogUpgradeInput): Promise<void> {
  const { backend, req, socket, head } = input;
  const url = new URL(req.url ?? '/', 'https://provider');
  const m = input.served(url.pathname);
  if (m === null || (m.route.kind !== 'logs' && m.route.kind !== 'events'))
    return refuse(socket, 404, ROUTE_NOT_FOUND_BODY);
  const leaseId = m.leaseId;
  const kind = m.route.kind;
  const auth = await authorizeRequest(backend, req.headers['auth-spheron'], leaseId);
  if (!auth.ok) return refuse(socket, auth.status, auth.message);
  const tail = Number(url.searchParams.get('tail') ?? '-1');
  const serviceParam = url.searchParams.get('service') ?? '';
  if (!Number.isInteger(tail) || tail < -1 || serviceParam.endsWith(',')) {
    return refuse(socket, 400, 'tail must be ≥ -1 and service must not end with ","');
  }
  const follow = ['true', '1'].includes(url.searchParams.get('follow') ?? 'false');
  const services = serviceParam === '' ? undefined : new Set(serviceParam.split(','));
  wss.handleUpgrade(req, socket, head, (ws) => {
    const workload = backend.workload(leaseId);
    if (kind === 'events') return sendEvents(ws, workload, tail, services);
    if (workload === undefined || workload.runningReplicas === 0) {
      ws.close(4000, 'no running pods');
      return;
    }
    const wanted = (svc: string): boolean => services === undefined || services.has(svc);
    const lines = workload.logs.tail(-1).filter((l) => wanted(l.service));
    const from = tail < 0 ? 0 : Math.max(0, lines.length - tail);
    for (const l of lines.slice(from))
      ws.send(JSON.stringify({ name: l.name, message: l.message }));
    if (!follow) {
      ws.close(1000, 'done');
      return;
    }
    const off = workload.logs.subscribe((l) => {
      if (wanted(l.service)) ws.send(JSON.stringify({ name: l.name, message: l.message }));
    });
    ws.on('close', off);
  });
}

function sendEvents(
  ws: WebSocket,
  workload: Workload | undefined,
  tail: number,
  services: ReadonlySet<string> | undefined,
): void {
  if (workload === undefined) {
    ws.close(4001, 'lease not found');
    return;
  }
  const events = toLeaseEvents(workload.snapshot()).filter(
    (e) => services === undefined || services.has(e.service),
  );
  const from = tail < 0 ? 0 : Math.max(0, events.length - tail);
  for (const e of events.slice(from)) ws.send(JSON.stringify(e.frame));
  ws.close(1000, 'done');
}
