/**
 * The provider REST routes of a lease, in both API versions (docs/spheron-versions.md):
 * - v2 (SDK ≥ 2.x, `modules/spheron-provider-v2`): `/lease/{id}/status`,
 *   `/lease/{id}/service/{svc}/status`, `/lease/{id}/logs`, `/lease/{id}/events`;
 * - v1 (Akash-derived, reference §2.6): the same under `/lease/{id}/1/1/…`, events as `kubeevents`.
 * The client (provider/marketplace) builds paths with it, the devnet daemon parses them with it, so
 * the two sides cannot drift. Pure.
 */

/** A provider API version. */
export type ProviderApi = 'v1' | 'v2';

/** Which lease route. */
export type LeaseRoute =
  | { readonly kind: 'status' }
  | { readonly kind: 'service-status'; readonly service: string }
  | { readonly kind: 'logs' }
  | { readonly kind: 'events' };

/** The path (without query) of `route` for lease `leaseId` in API `api`. */
export function leasePath(api: ProviderApi, leaseId: bigint, route: LeaseRoute): string {
  const base = api === 'v2' ? `/lease/${leaseId}` : `/lease/${leaseId}/1/1`;
  switch (route.kind) {
    case 'status':
      return `${base}/status`;
    case 'service-status':
      return `${base}/service/${encodeURIComponent(route.service)}/status`;
    case 'logs':
      return `${base}/logs`;
    case 'events':
      return `${base}/${api === 'v2' ? 'events' : 'kubeevents'}`;
  }
}

/** A lease path as a provider reads it. */
export interface ParsedLeasePath {
  readonly api: ProviderApi;
  readonly leaseId: bigint;
  readonly route: LeaseRoute;
}

const V2 = /^\/lease\/(\d+)\/(status|logs|events|service\/([^/]+)\/status)$/;
const V1 = /^\/lease\/(\d+)\/1\/1\/(status|logs|kubeevents|service\/([^/]+)\/status)$/;

/** Reads a lease path of either version; null when it is neither (a route-level 404). */
export function parseLeasePath(path: string): ParsedLeasePath | null {
  const v2 = V2.exec(path);
  const v1 = v2 === null ? V1.exec(path) : null;
  const m = v2 ?? v1;
  if (m === null) return null;
  const sub = m[2] ?? '';
  const route: LeaseRoute =
    sub === 'status'
      ? { kind: 'status' }
      : sub === 'logs'
        ? { kind: 'logs' }
        : sub === 'events' || sub === 'kubeevents'
          ? { kind: 'events' }
          : { kind: 'service-status', service: decodeURIComponent(m[3] ?? '') };
  return { api: v2 !== null ? 'v2' : 'v1', leaseId: BigInt(m[1] ?? '0'), route };
}

/**
 * The body Go's `http.NotFound` writes: what a provider answers for a route it does not have
 * (gorilla/mux's default). A "no such lease" 404 carries a message of its own, so only this body
 * means "this provider speaks the other API version".
 */
export const ROUTE_NOT_FOUND_BODY = '404 page not found\n';

/** Whether a 404 says the route is unknown (try the other API version), not the lease. */
export function isRouteNotFound(status: number, body: string): boolean {
  return status === 404 && body.trim() === ROUTE_NOT_FOUND_BODY.trim();
}

/** Query of the logs and events routes. */
export interface StreamQuery {
  readonly follow: boolean;
  /** Lines from the end; the SDK always sends one (100000 by default). */
  readonly tail: number;
  /** Logs of the container's start-up (fizz only, per the docs). */
  readonly startup?: boolean | undefined;
  readonly service?: string | undefined;
}

/** The SDK's default `tail` for logs and events. */
export const DEFAULT_TAIL = 100_000;

/**
 * The query string in the SDK's order: `follow`, `tail`, then `startup` (logs only), then
 * `service` when one is named.
 */
export function streamQuery(route: 'logs' | 'events', q: StreamQuery): string {
  const parts = [`follow=${q.follow}`, `tail=${q.tail}`];
  if (route === 'logs') parts.push(`startup=${q.startup ?? false}`);
  if (q.service !== undefined && q.service !== '')
    parts.push(`service=${encodeURIComponent(q.service)}`);
  return parts.join('&');
}

/** Provider API port: a fizz lease is served by the fizz gateway (SDK: `fizzId ≠ 0` → 8543). */
export function providerPort(fizzId: bigint): 8443 | 8543 {
  return fizzId === 0n ? 8443 : 8543;
}
