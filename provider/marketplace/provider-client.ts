/**
 * The provider REST client (reference §2.6, docs/spheron-versions.md): Auth-Spheron tokens (fresh
 * for manifests and logs, reused a few seconds per provider for status reads), https verified by
 * the network's TLS policy (pinned to the certificate registered on chain by default,
 * provider-trust.ts) over keep-alive connections, timeouts, and results instead of
 * throws — an unreachable provider is a value the caller decides about (refresh marks the lease
 * unknown). Lease reads use the v2 routes, as today's SDK does; a provider that answers a route-level
 * 404 is asked again on the v1 `/1/1/` routes, and that choice is remembered per provider.
 */
import { Agent, request } from 'node:https';
import { createAuthToken } from '../../wire/auth-token.js';
import type { MessageSigner } from '../../wire/auth-token.js';
import { isRouteNotFound, leasePath, providerPort } from '../../wire/provider-routes.js';
import type { LeaseRoute, ProviderApi } from '../../wire/provider-routes.js';
import { createAuthTokenCache } from './auth-token-cache.js';
import type {
  LogsOptions,
  ProviderClient,
  ProviderEndpoint,
  ProviderResult,
} from './marketplace-types.js';
import { createProviderTrust } from './provider-trust.js';
import type { ProviderTrust } from './provider-trust.js';
import { toLeaseStatus } from './to-lease-status.js';
import { streamLogs } from './stream-logs.js';
import { DEFAULT_MANIFESTS_PER_PROVIDER } from '../network/network-limits.js';
import { PerKeyLimit } from './per-key-limit.js';

/** Options of {@link createProviderClient}. */
export interface CreateProviderClientOptions {
  /** The tenant wallet: signs the Auth-Spheron tokens. */
  readonly signer: MessageSigner;
  /** Clock for token timestamps. */
  readonly now: () => Date;
  /** @default 10000 */
  readonly timeoutMs?: number | undefined;
  /** Manifests sent to one provider at once (the network's limit). @default 16 */
  readonly manifestsPerProvider?: number | undefined;
  /**
   * How provider certificates are verified (the network's TLS policy, provider-trust.ts).
   * @default pinned to the certificate registered on chain
   */
  readonly trust?: ProviderTrust | undefined;
}

/**
 * Base URL of a provider: `https://host:port`. Without a port in the registered host, 8443, or the
 * fizz gateway's 8543 for a fizz lease (the SDK picks it from `lease.fizzId`).
 */
export function providerBaseUrl(hostUri: string, fizzId = 0n): string {
  const bare = hostUri.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return `https://${/:\d+$/.test(bare) ? bare : `${bare}:${providerPort(fizzId)}`}`;
}

interface RawRequest {
  readonly provider: ProviderEndpoint;
  readonly method: 'GET' | 'PUT' | 'POST';
  readonly path: string;
  readonly body?: string | undefined;
  readonly timeoutMs: number;
  /** Auth-Spheron token; null for the public routes (`/status`). */
  readonly token: string | null;
  /** The keep-alive pool for reads; undefined = a connection of its own (writes, see below). */
  readonly agent?: Agent | undefined;
  readonly trust: ProviderTrust;
}

/**
 * A pooled connection the provider closed while idle fails the next request written to it; that
 * request never reached the provider, so a read is sent again once on a new connection.
 */
const STALE_SOCKET = /ECONNRESET|EPIPE|socket hang up/i;

/** One HTTPS request; resolves with status and body, or an unreachable/mismatch result. */
async function httpsRequest(
  req: RawRequest,
): Promise<ProviderResult<{ status: number; body: string }>> {
  const base = providerBaseUrl(req.provider.hostUri, req.provider.fizzId);
  const url = new URL(req.path, base);
  const trust = await req.trust.connection(req.provider, base, req.timeoutMs);
  if ('ok' in trust) return trust;
  return new Promise((resolve) => {
    const r = request(
      url,
      {
        method: req.method,
        headers: {
          ...(req.token === null ? {} : { 'Auth-Spheron': req.token }),
          ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...trust.tls,
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
      } else {
        resolve(
          req.trust.mismatch(err, trust) ?? {
            ok: false,
            kind: 'unreachable',
            message: err.message,
          },
        );
      }
    });
    r.end(req.body);
  });
}

/**
 * Creates the client. Read connections are kept alive between calls (TLS handshakes dominated a
 * refresh of many leases); idle ones close after 2 s (under common server idle timeouts) and
 * never hold the process open.
 * The pooling key includes the pinned CA (and rejectUnauthorized), so a reused connection was
 * verified against the same certificate under the same policy. Manifests are not pooled: a
 * manifest PUT is never retried blindly on a stale connection.
 */
export function createProviderClient(opts: CreateProviderClientOptions): ProviderClient {
  const { timeoutMs = 10_000, trust = createProviderTrust() } = opts;
  const agent = new Agent({ keepAlive: true, timeout: 2_000 });
  const manifests = new PerKeyLimit(opts.manifestsPerProvider ?? DEFAULT_MANIFESTS_PER_PROVIDER);
  const tokens = createAuthTokenCache({
    mint: (seconds) => createAuthToken(opts.signer, seconds),
    now: opts.now,
  });
  const apis = createApiMemory();
  const get = (provider: ProviderEndpoint, route: LeaseRoute, leaseId: bigint, t = timeoutMs) =>
    apis.attempt(provider, async (api) =>
      httpsRequest({
        provider,
        method: 'GET',
        path: leasePath(api, leaseId, route),
        timeoutMs: t,
        token: await tokens.forRead(provider.address),
        agent,
        trust,
      }),
    );
  const stream = (p: ProviderEndpoint, id: bigint, route: 'logs' | 'events', o: LogsOptions) =>
    apis.attempt(p, async (api) =>
      streamLogs({
        url: providerBaseUrl(p.hostUri, p.fizzId),
        path: leasePath(api, id, { kind: route }),
        route,
        provider: p,
        opts: o,
        token: await tokens.fresh(),
        trust,
      }),
    );
  return {
    leaseStatus: async (provider, leaseId, o) =>
      json(await get(provider, { kind: 'status' }, leaseId, o?.timeoutMs), toLeaseStatus),
    serviceStatus: async (provider, leaseId, service) =>
      json(await get(provider, { kind: 'service-status', service }, leaseId), (v) => v),
    sendManifest: (provider, leaseId, manifest, o) =>
      manifests.run(provider.address.toLowerCase(), async () =>
        httpsRequest({
          provider,
          // v1: PUT the Akash manifest; v2: POST the compact one, PUT on update (SDK provider-v2).
          method: o?.version === 2 && o.update !== true ? 'POST' : 'PUT',
          path: `/deployment/${leaseId}/manifest`,
          body: JSON.stringify(manifest),
          timeoutMs: Math.max(timeoutMs, 120_000),
          token: await tokens.fresh(),
          trust,
        }),
      ),
    logs: async (provider, leaseId, o) => stream(provider, leaseId, 'logs', o),
    events: async (provider, leaseId, o) => stream(provider, leaseId, 'events', o),
    apiOf: (provider) => apis.known(provider),
    inventory: (provider, o) => readInventory(provider, o?.timeoutMs ?? timeoutMs, agent, trust),
  };
}

/** `GET /status`: public, over the provider's own port (never a fizz gateway's), under the network's TLS policy. */
async function readInventory(
  provider: ProviderEndpoint,
  timeoutMs: number,
  agent: Agent,
  trust: ProviderTrust,
): Promise<ProviderResult<unknown>> {
  const r = await httpsRequest({
    provider: { ...provider, fizzId: 0n },
    method: 'GET',
    path: '/status',
    timeoutMs,
    token: null,
    agent,
    trust,
  });
  return json(r, (v) => v);
}

function json<T>(
  r: ProviderResult<{ status: number; body: string }>,
  map: (v: unknown) => T,
): ProviderResult<T> {
  if (!r.ok) return r;
  const { status, body } = r.value;
  if (status < 200 || status > 299)
    return { ok: false, kind: 'http', status, body: body.slice(0, 2000) };
  try {
    return { ok: true, value: map(JSON.parse(body)) };
  } catch {
    return { ok: false, kind: 'http', status, body: `invalid JSON: ${body.slice(0, 200)}` };
  }
}

type Raw = ProviderResult<{ status: number; body: string }> | ProviderResult<null>;

function routeMissing(r: Raw): boolean {
  if (r.ok) return r.value !== null && isRouteNotFound(r.value.status, r.value.body);
  return r.kind === 'http' && isRouteNotFound(r.status, r.body);
}

/**
 * Which API version each provider speaks: v2 until a route-level 404 says otherwise, then the
 * other version, remembered for the life of the client.
 */
function createApiMemory() {
  const known = new Map<string, ProviderApi>();
  const key = (p: ProviderEndpoint): string => `${p.address.toLowerCase()} ${p.hostUri}`;
  return {
    known: (p: ProviderEndpoint): ProviderApi | null => known.get(key(p)) ?? null,
    async attempt<R extends Raw>(
      p: ProviderEndpoint,
      call: (api: ProviderApi) => Promise<R>,
    ): Promise<R> {
      const first = known.get(key(p)) ?? 'v2';
      const r = await call(first);
      if (!routeMissing(r)) {
        if (r.ok || r.kind === 'http') known.set(key(p), first);
        return r;
      }
      const other: ProviderApi = first === 'v2' ? 'v1' : 'v2';
      const again = await call(other);
      if (!routeMissing(again)) known.set(key(p), other);
      return again;
    },
  };
}
