/**
 * TLS options that pin a provider's certificate to the PEM registered on chain: the registered
 * certificate is the only trust anchor, and the presented leaf must be byte-identical to it. The
 * check runs in the handshake, before any request (and its Auth-Spheron token) is written.
 */
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { decideProviderTls } from './decide-provider-tls.js';

/** TLS options for https.request / ws. */
export interface PinnedTlsOptions {
  readonly ca?: string | undefined;
  readonly rejectUnauthorized: true;
  readonly checkServerIdentity?:
    ((host: string, cert: PeerCertificate) => Error | undefined) | undefined;
}

/** Marks a handshake that failed because the certificate is not the registered one. */
export class CertificateMismatch extends Error {
  override readonly name = 'CertificateMismatch';
}

const FINGERPRINTS = new Map<string, string>();

/**
 * sha256 fingerprint (colon hex, as Node prints it) of a PEM certificate. Memoized: parsing the
 * PEM per request cost a refresh of 1,000 leases a quarter of a second, and providers are few.
 */
export function pemFingerprint(pem: string): string {
  const known = FINGERPRINTS.get(pem);
  if (known !== undefined) return known;
  const fingerprint = new X509Certificate(pem).fingerprint256;
  if (FINGERPRINTS.size >= 256) FINGERPRINTS.clear();
  FINGERPRINTS.set(pem, fingerprint);
  return fingerprint;
}

/**
 * The options for a provider; without a registered certificate, normal CA verification applies.
 * `explain` words the refusal (the tofu policy pins to the certificate trusted on first use and
 * says how to reset it).
 */
export function pinnedTls(
  certificate: string | null,
  trust: 'registered' | 'first-use' = 'registered',
  explain: (expected: string, presented: string) => string = (expected, presented) =>
    `registered ${expected}, presented ${presented}`,
): PinnedTlsOptions {
  if (certificate === null) return { rejectUnauthorized: true };
  let expected: string;
  try {
    expected = pemFingerprint(certificate);
  } catch {
    // An unreadable registered PEM can never match: every connection is refused as a mismatch.
    expected = 'unreadable registered certificate';
  }
  return {
    ca: certificate,
    rejectUnauthorized: true,
    checkServerIdentity: (_host, cert) => {
      const presented = cert.fingerprint256;
      const d =
        trust === 'registered'
          ? decideProviderTls({ policy: 'pin', registered: expected, known: null, presented })
          : decideProviderTls({ policy: 'tofu', registered: null, known: expected, presented });
      return d.kind === 'refuse'
        ? new CertificateMismatch(explain(d.expected, d.presented))
        : undefined;
    },
  };
}

const CHAIN_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True when a connection error means the provider presented another certificate than registered. */
export function isCertificateMismatch(err: unknown, pinned: boolean): boolean {
  if (err instanceof CertificateMismatch) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return pinned && typeof code === 'string' && CHAIN_ERRORS.has(code);
}
