/**
 * The logs and events WebSockets of a lease (`/lease/{id}/logs|events`, v1 `/1/1/logs|kubeevents`):
 * `{name, message}` log frames and Kubernetes event frames → lines.
 */
import { DEFAULT_TAIL, streamQuery } from '../../wire/provider-routes.js';
import type { LogsOptions, ProviderEndpoint, ProviderResult } from './marketplace-types.js';
import type { ProviderTrust } from './provider-trust.js';

/** Inputs of {@link streamLogs}. */
export interface StreamLogsInput {
  /** `https://host:port`. */
  readonly url: string;
  /** The route's path, without query (wire/provider-routes.ts leasePath). */
  readonly path: string;
  readonly route: 'logs' | 'events';
  readonly provider: ProviderEndpoint;
  readonly opts: LogsOptions;
  readonly token: string;
  /** How the provider's certificate is verified. */
  readonly trust: ProviderTrust;
}

/** Streams until the socket closes or `signal` aborts; `[name] message` per line. */
export async function streamLogs(input: StreamLogsInput): Promise<ProviderResult<null>> {
  const { default: WebSocket } = await import('ws');
  const query = streamQuery(input.route, {
    follow: input.opts.follow,
    tail: input.opts.tail ?? DEFAULT_TAIL,
    startup: input.opts.startup,
    service: input.opts.service,
  });
  const url = `${input.url.replace(/^https/, 'wss')}${input.path}?${query}`;
  const trust = await input.trust.connection(input.provider, input.url);
  if ('ok' in trust) return trust;
  return new Promise((resolve) => {
    const ws = new WebSocket(url, {
      headers: { 'Auth-Spheron': input.token },
      ...trust.tls,
    });
    const abort = (): void => ws.close(1000);
    input.opts.signal?.addEventListener('abort', abort, { once: true });
    ws.on('message', (data: Buffer) => input.opts.onLine(frameLine(data.toString('utf8'))));
    ws.on('unexpected-response', (_req, res) => {
      // The body tells a route-level 404 (another API version) from a lease-level one.
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        resolve({
          ok: false,
          kind: 'http',
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8').slice(0, 2000) || (res.statusMessage ?? ''),
        });
        ws.terminate();
      });
    });
    ws.on('error', (err) =>
      resolve(
        input.trust.mismatch(err, trust) ?? {
          ok: false,
          kind: 'unreachable',
          message: err.message,
        },
      ),
    );
    ws.on('close', () => {
      input.opts.signal?.removeEventListener('abort', abort);
      resolve({ ok: true, value: null });
    });
  });
}

/**
 * One frame as a line: a log frame `{name, message}` → `[name] message`; an event frame
 * `{type, reason, note, object{name}}` → `[object] type reason: note`; anything else verbatim.
 */
export function frameLine(text: string): string {
  let f: unknown;
  try {
    f = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof f !== 'object' || f === null) return text;
  const o = f as Record<string, unknown>;
  if ('message' in o) return `[${String(o['name'] ?? '')}] ${String(o['message'] ?? '')}`;
  if ('reason' in o) {
    const obj = (typeof o['object'] === 'object' && o['object'] !== null ? o['object'] : {}) as {
      name?: unknown;
    };
    return `[${String(obj.name ?? '')}] ${String(o['type'] ?? '')} ${String(o['reason'] ?? '')}: ${String(o['note'] ?? '')}`;
  }
  return text;
}
