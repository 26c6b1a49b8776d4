/**
 * The TLS options of each provider connection under the network's policy
 * (provider/network/provider-tls-policy.ts, decided per certificate by decide-provider-tls.ts):
 * - pin: pinned to the certificate registered on chain (provider-tls.ts), as always;
 * - tofu: pinned to the certificate recorded on first contact. On first contact, the certificate is
 *   fetched by a bare handshake that sends nothing, recorded, and the request then goes over a
 *   connection pinned to it: no request, and no Auth-Spheron token, ever reaches an unverified peer;
 * - insecure: nothing verified; said once per client through `warn`.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { connect } from 'node:tls';
import type { ProviderTlsPolicy } from '../network/provider-tls-policy.js';
import { decideProviderTls } from './decide-provider-tls.js';
import { knownCertificateKey } from './known-certificates.js';
import type { KnownCertificates } from './known-certificates.js';
import type {
  ProviderCertificateMismatch,
  ProviderEndpoint,
  ProviderUnreachable,
} from './marketplace-types.js';
import { isCertificateMismatch, pemFingerprint, pinnedTls } from './provider-tls.js';
import type { PinnedTlsOptions } from './provider-tls.js';

/** Options of {@link createProviderTrust}. */
export interface ProviderTrustOptions {
  /** @default 'pin' */
  readonly policy?: ProviderTlsPolicy | undefined;
  /** The network's chain id: a provider's trusted certificate is remembered per chain. */
  readonly chainId?: number | undefined;
  /** Where tofu remembers certificates; required for `tofu`. */
  readonly known?: KnownCertificates | undefined;
  /** Where the `insecure` warning goes. */
  readonly warn?: ((line: string) => void) | undefined;
  /** The network's name, for the warning. */
  readonly networkName?: string | undefined;
  /** @default now */
  readonly now?: (() => Date) | undefined;
}

/** TLS options for https.request / ws. */
export type ProviderTlsOptions = PinnedTlsOptions | { readonly rejectUnauthorized: false };

/** How one connection to a provider is verified. */
export interface ConnectionTrust {
  readonly tls: ProviderTlsOptions;
  /** Whether a chain-verification failure means "another certificate" (pinned connections). */
  readonly pinned: boolean;
  /** Words a refused handshake; absent: the error's own message. */
  readonly describe?: ((err: unknown) => string) | undefined;
}

/** The trust of a client: options per connection, and how a failed handshake is reported. */
export interface ProviderTrust {
  readonly policy: ProviderTlsPolicy;
  /** The options for a connection to `provider` at `baseUrl`, or why none may be made. */
  connection(
    provider: ProviderEndpoint,
    baseUrl: string,
    /** Time limit of a first tofu handshake. @default 10000 */
    timeoutMs?: number,
  ): Promise<ConnectionTrust | ProviderCertificateMismatch | ProviderUnreachable>;
  /** A connection error as a mismatch result, when it is one. */
  mismatch(err: unknown, trust: ConnectionTrust): ProviderCertificateMismatch | null;
}

/** Builds the trust of one provider client. */
export function createProviderTrust(opts: ProviderTrustOptions = {}): ProviderTrust {
  const policy = opts.policy ?? 'pin';
  const connection =
    policy === 'insecure'
      ? insecureConnection(opts)
      : policy === 'tofu'
        ? tofuConnection(opts)
        : async (p: ProviderEndpoint): Promise<ConnectionTrust> => ({
            tls: pinnedTls(p.certificate),
            pinned: p.certificate !== null,
          });
  return { policy, connection, mismatch };
}

function mismatch(err: unknown, trust: ConnectionTrust): ProviderCertificateMismatch | null {
  if (!isCertificateMismatch(err, trust.pinned)) return null;
  const message = trust.describe?.(err) ?? (err instanceof Error ? err.message : String(err));
  return { ok: false, kind: 'certificate-mismatch', message };
}

/** No verification; the first connection of the client warns. */
function insecureConnection(opts: ProviderTrustOptions): ProviderTrust['connection'] {
  let warned = false;
  const on = opts.networkName === undefined ? '' : ` on ${opts.networkName}`;
  return async () => {
    if (!warned) {
      warned = true;
      opts.warn?.(
        `Warning: provider TLS policy is \`insecure\`${on}: provider certificates are not verified, so anyone on the network path can read your manifests and Auth-Spheron tokens. Use \`pin\` (the default) or \`tofu\` (LEASEHOLD_PROVIDER_TLS).`,
      );
    }
    return { tls: { rejectUnauthorized: false }, pinned: false };
  };
}

/** Pinned to the certificate recorded on first contact; recorded by a handshake that sends nothing. */
function tofuConnection(opts: ProviderTrustOptions): ProviderTrust['connection'] {
  const known = opts.known;
  if (known === undefined) throw new TypeError('createProviderTrust: tofu needs `known`');
  const chainId = opts.chainId ?? 0;
  const now = opts.now ?? (() => new Date());
  const pinToKnown = (p: ProviderEndpoint, key: string, pem: string): ConnectionTrust => ({
    tls: pinnedTls(pem, 'first-use'),
    pinned: true,
    // A changed self-signed certificate already fails chain verification against the trusted
    // one, before its fingerprint is compared: the message names the provider either way.
    describe: (err) => changedMessage(p, key, known.file, pemFingerprintOr(pem), err),
  });
  // A refresh reads many leases of one provider at once: one first-contact handshake serves them.
  const firstContacts = new Map<string, Promise<Presented>>();
  return async (p, baseUrl, timeoutMs = 10_000) => {
    const key = knownCertificateKey(chainId, p.address);
    const trusted = known.get(key);
    if (trusted !== null) return pinToKnown(p, key, trusted.pem);
    let probe = firstContacts.get(key);
    if (probe === undefined) {
      probe = presentedCertificate(baseUrl, timeoutMs);
      firstContacts.set(key, probe);
      void probe.finally(() => firstContacts.delete(key));
    }
    const presented = await probe;
    if (!presented.ok) return presented;
    // Another caller of the same handshake recorded it already.
    const recorded = known.get(key);
    if (recorded !== null) return pinToKnown(p, key, recorded.pem);
    const d = decideProviderTls({
      policy: 'tofu',
      registered: null,
      known: null,
      presented: presented.fingerprint,
    });
    if (d.kind === 'record') {
      known.record(key, {
        fingerprint: d.fingerprint,
        pem: presented.pem,
        firstSeen: now().toISOString(),
        hostUri: p.hostUri,
      });
    }
    return pinToKnown(p, key, presented.pem);
  };
}

function changedMessage(
  p: ProviderEndpoint,
  key: string,
  file: string,
  expected: string,
  err: unknown,
): string {
  const why = err instanceof Error ? err.message : String(err);
  return (
    `provider ${p.address} (${p.hostUri}) presented another TLS certificate than the one trusted on first use, ${expected} ` +
    `(provider TLS policy tofu; ${why}). If the provider changed its certificate on purpose, delete the entry "${key}" from ${file} to trust the new one.`
  );
}

function pemFingerprintOr(pem: string): string {
  try {
    return pemFingerprint(pem);
  } catch {
    return 'an unreadable certificate';
  }
}

type Presented =
  { readonly ok: true; readonly fingerprint: string; readonly pem: string } | ProviderUnreachable;

/** The certificate a TLS server presents, by a handshake that sends no data. */
function presentedCertificate(baseUrl: string, timeoutMs: number): Promise<Presented> {
  const url = new URL(baseUrl);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({
      host,
      port: Number(url.port || 443),
      ...(isIP(host) === 0 ? { servername: host } : {}),
      // Nothing is sent on this connection; its certificate is only read, then trusted or not.
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`timed out after ${timeoutMs} ms`)),
    );
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      socket.destroy();
      if (cert.raw === undefined) {
        resolve({
          ok: false,
          kind: 'unreachable',
          message: 'the provider presented no certificate',
        });
        return;
      }
      const x509 = new X509Certificate(cert.raw);
      resolve({ ok: true, fingerprint: x509.fingerprint256, pem: x509.toString() });
    });
    // `on`, not `once`: a late error of the destroyed socket must not go unhandled.
    socket.on('error', (err) => resolve({ ok: false, kind: 'unreachable', message: err.message }));
  });
}
