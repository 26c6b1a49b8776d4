/**
 * Secrets never reach text (STYLE §12). `redact` masks the exact secret values this process knows
 * (known-secrets.ts: the signing key in any spelling, the keystore password, secret values), the
 * credentials of any `Authorization` scheme and of `Auth-Spheron`, and URL credentials — and
 * nothing else, so that transaction hashes, lease ids and addresses stay readable as evidence.
 */
import type { Diagnostic } from './diagnostic.js';
import { MIN_SECRET_LENGTH, knownSecrets } from './known-secrets.js';

const MASK = '(sensitive value)';

/** A 32-byte private key, with or without `0x`: masked in every spelling (case, prefix). */
const PRIVATE_KEY = /^(?:0x)?([0-9a-fA-F]{64})$/;
/** A header (or a `key=value`, a JSON key) whose value is a credential, up to that value. */
const CREDENTIAL_HEADER =
  /(?<![A-Za-z0-9])((?:proxy-)?authorization|auth-spheron)(["'`]?[ \t]*[:=][ \t]*)(["'`]?)/gi;
/** `scheme://userinfo@`: whatever stands before the last `@` of the authority. */
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#\s]+@/gi;

/** Masks the registered secrets (plus `extra`), credential headers and URL credentials. */
export function redact(text: string, extra: readonly string[] = []): string {
  return redactWith(text, [...knownSecrets(), ...extra]);
}

/**
 * Pure form of {@link redact}: masks every value of `known` (values shorter than 4 characters
 * are ignored; a 32-byte hex key matches with or without `0x`, in any case; a value also matches
 * in its JSON-escaped and URL-encoded spellings), then credential headers and URL credentials.
 * @example redactWith('Authorization: Basic dXNlcjpwdw==', []) // 'Authorization: Basic (sensitive value)'
 */
export function redactWith(text: string, known: readonly string[]): string {
  const values = knownPattern(known);
  const out = values === null ? text : text.replace(values, MASK);
  return maskHeaders(out).replace(URL_CREDENTIALS, `$1${MASK}@`);
}

/** A diagnostic with its texts redacted (what every printed error goes through). */
export function redactDiagnostic(d: Diagnostic, extra: readonly string[] = []): Diagnostic {
  return {
    ...d,
    summary: redact(d.summary, extra),
    ...(d.detail === undefined ? {} : { detail: redact(d.detail, extra) }),
    ...(d.hint === undefined ? {} : { hint: redact(d.hint, extra) }),
  };
}

/**
 * Redacts a thrown value's message and stack in place and returns it, for the last-resort handler
 * of the binary (oclif prints errors raised before any command runs, e.g. an unknown command).
 */
export function redactError<T>(err: T): T {
  if (err instanceof Error) {
    err.message = redact(err.message);
    if (err.stack !== undefined) err.stack = redact(err.stack);
  }
  return err;
}

let cached: { readonly key: string; readonly pattern: RegExp | null } | null = null;

/** One alternation of every spelling of every known value, longest first; null when none. */
function knownPattern(known: readonly string[]): RegExp | null {
  const key = known.join('\u0000');
  if (cached?.key === key) return cached.pattern;
  const spellings = new Map<string, number>();
  for (const value of known) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    const hex = PRIVATE_KEY.exec(value.trim())?.[1];
    if (hex !== undefined) {
      spellings.set(`(?:0[xX])?${hex.replace(/[a-f]/gi, anyCase)}`, hex.length + 2);
      continue;
    }
    const json = JSON.stringify(value).slice(1, -1);
    for (const v of new Set([value, json, encodeURIComponent(value)]))
      spellings.set(escapeRegExp(v), v.length);
  }
  const sources = [...spellings].sort((a, b) => b[1] - a[1]).map(([source]) => source);
  const pattern = sources.length === 0 ? null : new RegExp(sources.join('|'), 'g');
  cached = { key, pattern };
  return pattern;
}

function anyCase(c: string): string {
  return `[${c.toLowerCase()}${c.toUpperCase()}]`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// The value runs to its closing quote when quoted (JSON, JS objects), else to the end of the
// line (an HTTP header). A scheme word (`Basic`, `Bearer`, `Digest`, …) stays visible.
function maskHeaders(text: string): string {
  const re = new RegExp(CREDENTIAL_HEADER.source, CREDENTIAL_HEADER.flags);
  let out = '';
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [head, name = '', , quote = ''] = m;
    const start = m.index + head.length;
    const end = quote === '' ? lineEnd(text, start) : closingQuote(text, start, quote);
    const value = text.slice(start, end);
    out += text.slice(from, start) + (value.trim() === '' ? value : maskValue(name, value));
    from = end;
    re.lastIndex = Math.max(end, re.lastIndex);
  }
  return out + text.slice(from);
}

function maskValue(name: string, value: string): string {
  const scheme = /^([A-Za-z][A-Za-z0-9._~+-]*[ \t]+)\S/.exec(value);
  return scheme !== null && name.toLowerCase() !== 'auth-spheron'
    ? `${scheme[1] ?? ''}${MASK}`
    : MASK;
}

function lineEnd(s: string, from: number): number {
  const i = s.slice(from).search(/[\r\n]/);
  return i < 0 ? s.length : from + i;
}

function closingQuote(s: string, from: number, quote: string): number {
  for (let i = from; i < s.length; i += 1) {
    if (s[i] === '\\') i += 1;
    else if (s[i] === quote) return i;
  }
  return s.length;
}

export const SENSITIVE_MASK = MASK;
