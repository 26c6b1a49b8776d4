/**
 * Secrets never reach text (STYLE §12). `redact` masks known secret values, private keys, bearer
 * and Auth-Spheron tokens and URL credentials in any string on its way to a log, error or file.
 */

const MASK = '(sensitive value)';
const PRIVATE_KEY = /\b0x[0-9a-fA-F]{64}\b/g;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
const AUTH_HEADER =
  /(auth-spheron|authorization)(["']?\s*[:=]\s*["']?)(bearer\s+)?[A-Za-z0-9+/=._-]{16,}/gi;

/** Values read at run time that no text may show, whoever prints it (see registerSecret). */
const registered = new Set<string>();

/**
 * Makes every later `redact()` of this process mask `value`: for a secret read once at an edge
 * whose text may reach messages built far away, such as an RPC URL from the environment (its path
 * often holds an API key) inside an RPC library's error.
 */
export function registerSecret(value: string): void {
  if (value.length > 0) registered.add(value);
}

/** Masks every occurrence of the given and registered secret values and of well-known shapes. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  const all = [...secrets, ...registered].filter((v) => v.length > 0);
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
