import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';
import { isRecord } from '../../../common/index.js';
import { LeaseholdError } from '../../diag/index.js';
import type { StateKeys } from './state-keys.js';

/**
 * The sealed form of a state or a saved plan: AES-256-GCM (node:crypto) under a key derived from
 * the passphrase by scrypt with a salt kept per state. The header (kind, KDF, salt, and the
 * clear `meta`) is authenticated as additional data, so none of it can be swapped unnoticed.
 */
export interface SealedEnvelope {
  readonly leaseholdSealed: 1;
  /** `state` or `plan`. */
  readonly kind: string;
  readonly kdf: {
    readonly name: 'scrypt';
    readonly N: number;
    readonly r: number;
    readonly p: number;
    readonly salt: string;
  };
  readonly cipher: 'aes-256-gcm';
  readonly iv: string;
  readonly tag: string;
  /** Clear, authenticated: what a backend may show without the key (stack, lineage, serial). */
  readonly meta: Readonly<Record<string, string | number>>;
  readonly data: string;
}

// scrypt cost: 2^15 × 8 × 128 B = 32 MiB and ~50–100 ms per derivation; derived keys are cached
// per (passphrase, salt), so a stack's writes after the first derive nothing.
const KDF = { name: 'scrypt' as const, N: 32768, r: 8, p: 1 };
const keyCache = new Map<string, Buffer>();

function deriveKey(
  passphrase: string,
  salt: Buffer,
  kdf: { N: number; r: number; p: number },
): Buffer {
  const id = createHash('sha256')
    .update(passphrase)
    .update('\0')
    .update(salt)
    .update(`\0${kdf.N}/${kdf.r}/${kdf.p}`)
    .digest('hex');
  const cached = keyCache.get(id);
  if (cached !== undefined) return cached;
  const key = scryptSync(passphrase, salt, 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 64 * 1024 * 1024,
  });
  keyCache.set(id, key);
  return key;
}

/** A fresh per-state salt (16 random bytes, base64). */
export function newSalt(): string {
  return randomBytes(16).toString('base64');
}

/** Whether a text is a sealed envelope (checked before any JSON schema). */
export function isSealedText(text: string): boolean {
  return /^\s*\{\s*"leaseholdSealed"\s*:/.test(text);
}

function aad(env: Pick<SealedEnvelope, 'kind' | 'kdf' | 'meta'>): Buffer {
  return Buffer.from(JSON.stringify([env.kind, env.kdf, env.meta]));
}

/** Seals `plaintext` with `passphrase`; `salt` is the state's (kept across writes), base64. */
export function sealText(opts: {
  readonly plaintext: string;
  readonly passphrase: string;
  readonly salt: string;
  readonly kind: string;
  readonly meta: Readonly<Record<string, string | number>>;
}): string {
  const kdf = { ...KDF, salt: opts.salt };
  const key = deriveKey(opts.passphrase, Buffer.from(opts.salt, 'base64'), kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad({ kind: opts.kind, kdf, meta: opts.meta }));
  const data = Buffer.concat([cipher.update(opts.plaintext, 'utf8'), cipher.final()]);
  const env: SealedEnvelope = {
    leaseholdSealed: 1,
    kind: opts.kind,
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    meta: opts.meta,
    data: data.toString('base64'),
  };
  return JSON.stringify(env) + '\n';
}

/** What opening a sealed text found: the plaintext, its salt and which key opened it. */
export interface OpenedText {
  readonly plaintext: string;
  readonly salt: string;
  readonly meta: Readonly<Record<string, string | number>>;
  /** True when only the `_PREVIOUS` key opened it: the next write re-seals with the current one. */
  readonly byPrevious: boolean;
}

/**
 * Opens a sealed text with the current key, then the previous one. Throws `state/encrypted` when
 * no key is set and `state/decrypt-failed` when no key opens it (a wrong key, or a tampered file).
 */
export function openSealedText(text: string, keys: StateKeys | null, where: string): OpenedText {
  const env = parseEnvelope(text, where);
  if (keys === null)
    throw new LeaseholdError({
      code: 'state/encrypted',
      summary: 'State is encrypted and no key is set',
      detail: `${where} is encrypted (AES-256-GCM); Leasehold read nothing from it and wrote nothing.`,
      hint: 'Set LEASEHOLD_STATE_PASSPHRASE (or LEASEHOLD_STATE_KEY_FILE) to the key it was written with.',
    });
  const salt = Buffer.from(env.kdf.salt, 'base64');
  const tries: [string | null, boolean][] = [
    [keys.current, false],
    [keys.previous, true],
  ];
  for (const [phrase, byPrevious] of tries) {
    if (phrase === null) continue;
    try {
      const key = deriveKey(phrase, salt, env.kdf);
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(env.iv, 'base64'));
      d.setAAD(aad(env));
      d.setAuthTag(Buffer.from(env.tag, 'base64'));
      const plaintext = Buffer.concat([
        d.update(Buffer.from(env.data, 'base64')),
        d.final(),
      ]).toString('utf8');
      return { plaintext, salt: env.kdf.salt, meta: env.meta, byPrevious };
    } catch {
      // Authentication failed with this key: try the next one.
    }
  }
  throw new LeaseholdError({
    code: 'state/decrypt-failed',
    summary: 'Encrypted state cannot be opened with the given key',
    detail: `Neither LEASEHOLD_STATE_PASSPHRASE nor LEASEHOLD_STATE_PASSPHRASE_PREVIOUS (or their key files) opens ${where}: the key is wrong, or the file was altered. Nothing was written.`,
    hint: 'Set the key it was written with; during a rotation, put the old one in LEASEHOLD_STATE_PASSPHRASE_PREVIOUS.',
  });
}

function parseEnvelope(text: string, where: string): SealedEnvelope {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    v = null;
  }
  const kdf = isRecord(v) ? v['kdf'] : undefined;
  if (
    !isRecord(v) ||
    v['leaseholdSealed'] !== 1 ||
    !isRecord(kdf) ||
    typeof kdf['salt'] !== 'string' ||
    typeof v['iv'] !== 'string' ||
    typeof v['tag'] !== 'string' ||
    typeof v['data'] !== 'string' ||
    !isRecord(v['meta'])
  )
    throw new LeaseholdError({
      code: 'state/corrupt',
      summary: 'State file is malformed',
      detail: `${where} looks encrypted but its envelope is incomplete. Leasehold read nothing from it and wrote nothing.`,
      hint: 'Restore it from its backup or a previous version (`leasehold state history`).',
    });
  return v as unknown as SealedEnvelope;
}
