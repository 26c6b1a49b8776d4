/** The logs WebSocket of a lease (`/lease/{id}/1/1/logs`): `{name, message}` frames → lines. */
import type { LogsOptions, ProviderEndpoint, ProviderResult } from './marketplace-types.js';
import { isCertificateMismatch, pinnedTls } from './provider-tls.js';

/** Inputs of {@link streamLogs}. */
export interface StreamLogsInput {
  /** `https://host:port`. */
  readonly url: string;
  readonly provider: ProviderEndpoint;
  readonly leaseId: bigint;
  readonly opts: LogsOptions;
  readonly token: string;
}

/** Streams until the socket closes or `signal` aborts; `[service] message` per line. */
export async function streamLogs(input: StreamLogsInput): Promise<ProviderResult<null>> {
  const { default: WebSocket } = await import('ws');
  const q = new URLSearchParams({
    follow: String(input.opts.follow),
    tail: String(input.opts.tail ?? -1),
  });
  if (input.opts.service !== undefined) q.set('service', input.opts.service);
  const url = `${input.url.replace(/^https/, 'wss')}/lease/${input.leaseId}/1/1/logs?${q.toString()}`;
  const pinned = input.provider.certificate !== null;
  return new Promise((resolve) => {
    const ws = new WebSocket(url, {
      headers: { 'Auth-Spheron': input.token },
      ...pinnedTls(input.provider.certificate),
    });
    const abort = (): void => ws.close(1000);
    input.opts.signal?.addEventListener('abort', abort, { once: true });
    ws.on('message', (data: Buffer) => {
      try {
        const f = JSON.parse(data.toString('utf8')) as { name?: unknown; message?: unknown };
        input.opts.onLine(`[${String(f.name ?? '')}] ${String(f.message ?? '')}`);
      } catch {
        input.opts.onLine(data.toString('utf8'));
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve({
        ok: false,
        kind: 'http',
        status: res.statusCode ?? 0,
        body: res.statusMessage ?? '',
      });
      ws.terminate();
    });
    ws.on('error', (err) =>
      resolve(
        isCertificateMismatch(err, pinned)
          ? { ok: false, kind: 'certificate-mismatch', message: err.message }
          : { ok: false, kind: 'unreachable', message: err.message },
      ),
    );
    ws.on('close', () => {
      input.opts.signal?.removeEventListener('abort', abort);
      resolve({ ok: true, value: null });
    });
  });
}
