/**
 * The pure decision of whether a provider's TLS certificate is trusted, per policy
 * (provider/network/provider-tls-policy.ts). Fingerprints are sha256, colon hex as Node prints them.
 * The I/O around it (the handshake, the file of certificates trusted on first use) is in
 * provider-tls.ts and known-certificates.ts.
 */
import type { ProviderTlsPolicy } from '../network/provider-tls-policy.js';

/** What is known when a provider presents its certificate. */
export interface DecideProviderTlsInput {
  readonly policy: ProviderTlsPolicy;
  /** Fingerprint of the certificate registered on chain; null when none is registered. */
  readonly registered: string | null;
  /** Fingerprint trusted on first use earlier (tofu); null on first contact. */
  readonly known: string | null;
  /** Fingerprint of the certificate the provider presents now. */
  readonly presented: string;
}

/** Accept the connection, accept and remember the certificate, or refuse before any request. */
export type ProviderTlsDecision =
  | { readonly kind: 'accept' }
  | { readonly kind: 'record'; readonly fingerprint: string }
  | {
      readonly kind: 'refuse';
      /** `not-registered`: pin, another certificate than on chain; `changed`: tofu, another than first seen. */
      readonly reason: 'not-registered' | 'changed';
      readonly expected: string;
      readonly presented: string;
    };

/**
 * pin: the registered certificate must be presented (a provider without one was already verified
 * against the system CAs by the handshake); tofu: the first certificate is recorded, later ones must
 * equal it (the registered one plays no part); insecure: anything is accepted.
 */
export function decideProviderTls(input: DecideProviderTlsInput): ProviderTlsDecision {
  const { policy, presented } = input;
  if (policy === 'insecure') return { kind: 'accept' };
  if (policy === 'tofu') {
    if (input.known === null) return { kind: 'record', fingerprint: presented };
    return input.known === presented
      ? { kind: 'accept' }
      : { kind: 'refuse', reason: 'changed', expected: input.known, presented };
  }
  if (input.registered === null || input.registered === presented) return { kind: 'accept' };
  return { kind: 'refuse', reason: 'not-registered', expected: input.registered, presented };
}
