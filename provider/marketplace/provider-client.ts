/**
 * The provider REST client (reference §2.6): Auth-Spheron tokens (fresh for manifests and logs,
 * reused a few seconds per provider for status reads), https pinned to the certificate registered
 * on chain over keep-alive connections, timeouts, and results instead of throws — an unreachable
 * provider is a value the caller decides about (refresh marks the lease unknown).
 */
import { Agent, request } from 'node:https';
import { createAuthToken } from '../../wire/auth-token.js';
import type { MessageSigner } from '../../wire/auth-token.js';
import { createAuthTokenCache } from './auth-token-cache.js';
import type { ProviderClient, ProviderEndpoint, ProviderResult } from './marketplace-types.js';
import { isCertificateMismatch, pinnedTls } from './provider-tls.js';
import { toLeaseStatus } from './to-lease-status.js';
import { streamLogs } from './stream-logs.js';

/** Options of {@link createProviderClient}. */
export interface CreateProviderClientOptions {
  /** The tenant wallet: signs the Auth-Spheron tokens. */
  readonly signer: MessageSigner;
  /** Clock for token timestamps. */
  readonly now: () => Date;
  /** @default 10000 */
  readonly timeoutMs?: number | undefined;
}

/** Base URL of a provider: `https://host:port`, default port 8443 (reference §2.6). */
export function providerBaseUrl(hostUri: string): string {
  const bare = hostUri.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return `https://${/:\d+$/.test(bare) ? bare : `${bare}:8443`}`;
}

interface RawRequest {
  readonly provider: ProviderEndpoint;
  readonly method: 'GET' | 'PUT';
  readonly path: string;
  readonly body?: string | undefined;
  readonly timeoutMs: number;
  readonly token: string;
  /** The keep-alive pool for reads; undefined = a connection of its own (writes, see below). */
  readonly agent?: Agent | undefined;
}

/**
 * A pooled connection the provider closed while idle fails the next request written to it; that
 * request never reached the provider, so a read is sent again once on a new connection.
 */
const STALE_SOCKET = /ECONNRESET|EPIPE|socket hang up/i;

/** One HTTPS request; resolves with status and body, or an unreachable/mismatch result. */
function httpsRequest(req: RawRequest): Promise<ProviderResult<{ status: number; body: string }>> {
  const url = new URL(req.path, providerBaseUrl(req.provider.hostUri));
  const pinned = req.provider.certificate !== null;
  return new Promise((resolve) => {
    const r = request(
      url,
      {
        method: req.method,
        headers: {
          'Auth-Spheron': req.token,
          ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...pinnedTls(req.provider.certificate),
        agent: req.agent ?? false,
        timeout: req.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: true, value: { status: res.statusCode ?? 0, body } });
        });
        res.on('error', (err) => resolve({ ok: false, kind: 'unreachable', message: err.message }));
      },
    );
    r.on('timeout', () => r.destroy(new Error(`timed out after ${req.timeoutMs} ms`)));
    r.on('error', (err) => {
      if (req.agent !== undefined && r.reusedSocket && STALE_SOCKET.test(err.message)) {
        resolve(httpsRequest({ ...req, agent: undefined }));
      } else if (isCertificateMismatch(err, pinned)) {
        resolve({ ok: false, kind: 'certificate-mismatch', message: err.message });
      } else resolve({ ok: false, kind: 'unreachable', message: err.message });
    });
    r.end(req.body);
  });
}

/**
 * Creates the client. Read connections are kept alive between calls (TLS handshakes dominated a
 * refresh of many leases); idle ones close after 2 s (under common server idle timeouts) and
 * never hold the process open.
 * The pooling key includes the pinned CA, so a reused connection was verified against the same
 * registered certificate.
 */
export function createProviderClient(opts: CreateProviderClientOptions): ProviderClient {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, timeout: 2_000 });
  const tokens = createAuthTokenCache({
    mint: (seconds) => createAuthToken(opts.signer, seconds),
    now: opts.now,
  });
  const get = async (provider: ProviderEndpoint, path: string, t = timeoutMs) =>
    httpsRequest({
      provider,
      method: 'GET',
      path,
      timeoutMs: t,
      token: await tokens.forRead(provider.address),
      agent,
    });
  const json = <T>(
    r: ProviderResult<{ status: number; body: string }>,
    map: (v: unknown) => T,
  ): ProviderResult<T> => {
    if (!r.ok) return r;
    const { status, body } = r.value;
    if (status < 200 || status > 299)
      return { ok: false, kind: 'http', status, body: body.slice(0, 2000) };
    try {
      return { ok: true, value: map(JSON.parse(body)) };
    } catch {
      return { ok: false, kind: 'http', status, body: `invalid JSON: ${body.slice(0, 200)}` };
    }
  };
  return {
    leaseStatus: async (provider, leaseId, o) =>
      json(
        await get(provider, `/lease/${leaseId}/1/1/status`, o?.timeoutMs ?? timeoutMs),
        toLeaseStatus,
      ),
    serviceStatus: async (provider, leaseId, service) =>
      json(
        await get(provider, `/lease/${leaseId}/1/1/service/${encodeURIComponent(service)}/status`),
        (v) => v,
      ),
    sendManifest: async (provider, leaseId, manifest) =>
      httpsRequest({
        provider,
        method: 'PUT',
        path: `/deployment/${leaseId}/manifest`,
        body: JSON.stringify(manifest),
        timeoutMs: Math.max(timeoutMs, 120_000),
        // Not pooled: a manifest PUT is not retried blindly on a stale connection.
        token: await tokens.fresh(),
      }),
    logs: async (provider, leaseId, o) =>
      streamLogs({
        url: providerBaseUrl(provider.hostUri),
        provider,
        leaseId,
        opts: o,
        token: await tokens.fresh(),
      }),
  };
}
