/**
 * The certificates trusted on first use (`tofu` policy): `$LEASEHOLD_HOME/known-provider-certificates.json`,
 * one entry per chain and provider address, like ssh's known_hosts. Read once when opened; each
 * new entry is merged into the file as it is now (another process may have added some) and written
 * through a temporary file and a rename, so a reader never sees half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { LeaseholdError } from '../../cli/diag/index.js';

/** A certificate trusted on first use. */
export interface KnownCertificate {
  /** sha256, colon hex. */
  readonly fingerprint: string;
  /** The certificate itself: later connections are pinned to it. */
  readonly pem: string;
  /** ISO time of the first contact. */
  readonly firstSeen: string;
  /** Where the provider was reached then. */
  readonly hostUri: string;
}

/** The file of trusted certificates. */
export interface KnownCertificates {
  readonly file: string;
  get(key: string): KnownCertificate | null;
  record(key: string, cert: KnownCertificate): void;
}

/** The key of a provider: `<chainId>/<lowercase address>`. */
export function knownCertificateKey(chainId: number, address: string): string {
  return `${chainId}/${address.toLowerCase()}`;
}

/** `$LEASEHOLD_HOME/known-provider-certificates.json` (home defaults to ~/.leasehold). */
export function knownCertificatesFile(env: Readonly<Record<string, string | undefined>>): string {
  const home = env['LEASEHOLD_HOME']?.trim();
  return join(
    home === undefined || home === '' ? join(homedir(), '.leasehold') : home,
    'known-provider-certificates.json',
  );
}

interface FileShape {
  readonly version: 1;
  readonly providers: Record<string, KnownCertificate>;
}

/** Opens (reads) the file; a missing file is empty. Throws `marketplace/known-certificates-invalid`. */
export function openKnownCertificates(file: string): KnownCertificates {
  let entries = read(file);
  return {
    file,
    get: (key) => (Object.hasOwn(entries, key) ? (entries[key] ?? null) : null),
    record: (key, cert) => {
      entries = { ...read(file), [key]: cert };
      const shape: FileShape = { version: 1, providers: entries };
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(shape, null, 2)}\n`);
      renameSync(tmp, file);
    },
  };
}

function read(file: string): Record<string, KnownCertificate> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return {};
    throw invalid(file, `it cannot be read (${(e as Error).message})`, e);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw invalid(file, 'it is not JSON', e);
  }
  const providers = (parsed as Partial<FileShape> | null)?.providers;
  if (typeof providers !== 'object' || providers === null || Array.isArray(providers))
    throw invalid(file, 'it has no `providers` object');
  for (const [key, v] of Object.entries(providers)) {
    const c = v as Partial<KnownCertificate> | null;
    if (typeof c?.fingerprint !== 'string' || typeof c.pem !== 'string')
      throw invalid(file, `entry "${key}" lacks its fingerprint or certificate`);
  }
  return providers;
}

function invalid(file: string, why: string, cause?: unknown): LeaseholdError {
  return new LeaseholdError({
    code: 'marketplace/known-certificates-invalid',
    summary: 'File of trusted provider certificates is damaged',
    detail: `${file} holds the provider certificates trusted on first use (provider TLS policy \`tofu\`), and ${why}.`,
    hint: `Fix or delete ${file}; deleted, every provider is trusted again on its next first contact.`,
    cause,
  });
}
