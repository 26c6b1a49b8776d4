import { readFileSync } from 'node:fs';
import { LeaseholdError } from '../../diag/index.js';

/** The passphrases that open sealed states and plans: the current one and a rotation fallback. */
export interface StateKeys {
  /** Seals every write; null when only a previous key is set (reads only, then refuses writes). */
  readonly current: string | null;
  /** `…_PREVIOUS`: opens what the old key sealed during a rotation; the next write re-seals. */
  readonly previous: string | null;
}

/** The variables that carry state passphrases, so redact() can mask them. */
export const STATE_SECRET_VARIABLES: readonly string[] = [
  'LEASEHOLD_STATE_PASSPHRASE',
  'LEASEHOLD_STATE_PASSPHRASE_PREVIOUS',
];

/**
 * Reads the state keys from the environment: `LEASEHOLD_STATE_PASSPHRASE` or the file named by
 * `LEASEHOLD_STATE_KEY_FILE` (its content, trailing newline dropped), and the same two with
 * `_PREVIOUS`. Null when none is set: states and plans are then read and written in plain text.
 */
export function readStateKeys(env: Readonly<Record<string, string | undefined>>): StateKeys | null {
  const current = keyFrom(env, '');
  const previous = keyFrom(env, '_PREVIOUS');
  if (current === null && previous === null) return null;
  return { current, previous };
}

function keyFrom(env: Readonly<Record<string, string | undefined>>, suffix: string): string | null {
  const phrase = env[`LEASEHOLD_STATE_PASSPHRASE${suffix}`];
  if (phrase !== undefined && phrase !== '') return phrase;
  const file = env[`LEASEHOLD_STATE_KEY_FILE${suffix}`];
  if (file === undefined || file === '') return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new LeaseholdError({
      code: 'state/key-file-unreadable',
      summary: 'State key file cannot be read',
      detail: `LEASEHOLD_STATE_KEY_FILE${suffix} names ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
      hint: `Point LEASEHOLD_STATE_KEY_FILE${suffix} at a readable file holding the passphrase.`,
    });
  }
  const key = text.replace(/\r?\n$/, '');
  if (key.length < 8)
    throw new LeaseholdError({
      code: 'state/key-too-short',
      summary: 'State key is too short',
      detail: `The key in ${file} has ${key.length} characters; at least 8 are needed.`,
      hint: 'Generate one with `openssl rand -base64 32 > FILE`.',
    });
  return key;
}
