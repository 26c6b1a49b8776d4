/**
 * The check every lease route runs (reference §2.4): a valid, fresh `Auth-Spheron` token (401
 * missing, 400 malformed, 403 stale or bad signature), a lease of this provider (404), and a
 * signer who is that lease's tenant (403).
 */
import { verifyAuthToken } from '../../wire/auth-token.js';
import type { VerifyAuthTokenResult } from '../../wire/auth-token.js';
import type { LeaseInfo, ProviderBackend } from './provider-backend.js';

/** How old (or how far in the future) a token may be, in seconds. */
export const AUTH_MAX_AGE_SECONDS = 30;

/** The lease the caller may act on, or the HTTP status and message to answer. */
export type AuthorizeResult =
  | { readonly ok: true; readonly lease: LeaseInfo }
  | { readonly ok: false; readonly status: number; readonly message: string };

/**
 * Tokens whose signature already verified, by header text. Recovering a public key costs about a
 * millisecond in JS (Go providers do it in microseconds), and a tenant reuses one read token for
 * many status requests, so the devnet memoizes the recovery — freshness is checked on every
 * request all the same, exactly as without the memo. Bounded: cleared when full.
 */
const VERIFIED = new Map<string, { address: string; timestamp: number }>();
const VERIFIED_MAX = 1024;

function verifyCached(header: string | undefined, nowSeconds: number): VerifyAuthTokenResult {
  const hit = header === undefined ? undefined : VERIFIED.get(header);
  if (hit !== undefined && Math.abs(nowSeconds - hit.timestamp) <= AUTH_MAX_AGE_SECONDS)
    return { ok: true, address: hit.address, timestamp: hit.timestamp };
  const token = verifyAuthToken(header, nowSeconds, AUTH_MAX_AGE_SECONDS);
  if (token.ok && header !== undefined) {
    if (VERIFIED.size >= VERIFIED_MAX) VERIFIED.clear();
    VERIFIED.set(header, { address: token.address, timestamp: token.timestamp });
  }
  return token;
}

/** Authorizes one request for `leaseId`. */
export async function authorizeRequest(
  backend: ProviderBackend,
  header: string | string[] | undefined,
  leaseId: bigint,
): Promise<AuthorizeResult> {
  if (Array.isArray(header))
    return { ok: false, status: 400, message: 'invalid Auth-Spheron header' };
  const token = verifyCached(header, backend.nowSeconds());
  if (!token.ok) return { ok: false, status: token.status, message: token.reason };
  const lease = await backend.lookupLease(leaseId);
  if (lease === null || !lease.active) {
    return { ok: false, status: 404, message: `no lease for deployment ${leaseId}` };
  }
  if (lease.tenant.toLowerCase() !== token.address.toLowerCase()) {
    return { ok: false, status: 403, message: 'the token signer is not the tenant of this lease' };
  }
  return { ok: true, lease };
}
