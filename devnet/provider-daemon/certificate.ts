/**
 * The provider's self-signed TLS certificate: generated once per provider and kept in its data
 * directory, so the PEM registered on chain stays valid across restarts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A PEM key pair. */
export interface ProviderCertificate {
  readonly cert: string;
  readonly key: string;
}

/** Loads `<dataDir>/tls.{crt,key}`, or creates them for `host` (an IP address). */
export async function loadOrCreateCertificate(
  dataDir: string,
  host: string,
): Promise<ProviderCertificate> {
  const certPath = join(dataDir, 'tls.crt');
  const keyPath = join(dataDir, 'tls.key');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  }
  // selfsigned pulls in its crypto helpers: load it only when a certificate must be made.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: host }], {
    notAfterDate: new Date(Date.now() + 10 * 365 * 86_400_000),
    keyType: 'ec',
    curve: 'P-256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: host }] },
    ],
  });
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { cert: pems.cert, key: pems.private };
}
