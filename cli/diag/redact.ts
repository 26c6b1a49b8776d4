/**
 * Secrets never reach text (STYLE §12). `redact` masks known secret values, private keys, bearer
 * and Auth-Spheron tokens and URL credentials in any string on its way to a log, error or file.
 */

import { knownSecrets } from './known-secrets.js';

const MASK = '(sensitive value)';
const PRIVATE_KEY = /\b0x[0-9a-fA-F]{64}\b/g;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
const AUTH_HEADER =
  /(auth-spheron|authorization)(["']?\s*[:=]\s*["']?)(bearer\s+)?[A-Za-z0-9+/=._-]{16,}/gi;

/** Masks the given and the registered (known-secrets.ts) values and well-known secret shapes. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const all = [...secrets, ...knownSecrets()].filter((v) => v.length > 0);
  // Longest first, so a secret that contains another is masked whole.
  for (const s of all.sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(MASK);
  }
  return out
    .replace(PRIVATE_KEY, MASK)
    .replace(URL_CREDENTIALS, `$1${MASK}@`)
    .replace(AUTH_HEADER, `$1$2${MASK}`);
}

export const SENSITIVE_MASK = MASK;
