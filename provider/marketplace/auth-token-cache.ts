/**
 * Auth-Spheron tokens for the provider client. A token is a signature over a timestamp only, so
 * minting one costs a secp256k1 signature (milliseconds in JS) and says nothing about the
 * request. Read-only requests (status) reuse one token per provider for a few seconds — one
 * token per provider per refresh pass — while a manifest PUT and a log stream always get a fresh
 * one. docs/plan.md § Performance explains why the reuse window is safe.
 */

/**
 * How long a token is reused for read-only requests to one provider. Providers refuse tokens
 * older than 20 s; 10 s leaves 10 s for clock skew and the request's own latency.
 */
export const READ_TOKEN_REUSE_MS = 10_000;

/**
 * Pure: whether a token minted at `mintedAtMs` may still be reused at `nowMs`. A clock that
 * went backwards makes the token unusable rather than older than it looks.
 */
export function isTokenReusable(mintedAtMs: number, nowMs: number, maxAgeMs: number): boolean {
  const age = nowMs - mintedAtMs;
  return age >= 0 && age < maxAgeMs;
}

/** Options of {@link createAuthTokenCache}. */
export interface AuthTokenCacheOptions {
  /** Mints a token for a timestamp in whole seconds. */
  readonly mint: (nowSeconds: number) => Promise<string>;
  readonly now: () => Date;
  /** @default READ_TOKEN_REUSE_MS */
  readonly maxAgeMs?: number | undefined;
}

/** Tokens for provider requests. */
export interface AuthTokenCache {
  /** A token for a read-only request to `provider` (reused within the window). */
  forRead(provider: string): Promise<string>;
  /** A token minted now, never reused (manifests, log streams). */
  fresh(): Promise<string>;
}

/** Creates the cache; concurrent reads of one provider share one mint. */
export function createAuthTokenCache(opts: AuthTokenCacheOptions): AuthTokenCache {
  const maxAgeMs = opts.maxAgeMs ?? READ_TOKEN_REUSE_MS;
  const byProvider = new Map<string, { token: Promise<string>; mintedAtMs: number }>();
  const fresh = (): Promise<string> => opts.mint(Math.floor(opts.now().getTime() / 1000));
  return {
    fresh,
    forRead: (provider) => {
      const key = provider.toLowerCase();
      const nowMs = opts.now().getTime();
      const hit = byProvider.get(key);
      if (hit !== undefined && isTokenReusable(hit.mintedAtMs, nowMs, maxAgeMs)) return hit.token;
      const token = opts.mint(Math.floor(nowMs / 1000));
      byProvider.set(key, { token, mintedAtMs: nowMs });
      // A failed mint is not cached: the next request tries again.
      token.catch(() => {
        if (byProvider.get(key)?.token === token) byProvider.delete(key);
      });
      return token;
    },
  };
}
