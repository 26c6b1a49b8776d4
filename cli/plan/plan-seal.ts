import { isSealedText, newSalt, openSealedText, sealText } from '../state/crypto/seal.js';
import { readStateKeys } from '../state/crypto/state-keys.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * A saved plan's text as written: sealed (AES-256-GCM, like the state) when a state key is set,
 * since a plan carries the prior state. The stack and lineage stay readable in the header.
 */
export function sealPlanText(
  text: string,
  meta: { stack: string; lineage: string; serial: number },
  env: Env,
): string {
  const keys = readStateKeys(env);
  if (keys?.current === null || keys === null) return text;
  return sealText({
    plaintext: text,
    passphrase: keys.current,
    salt: newSalt(),
    kind: 'plan',
    meta,
  });
}

/** A saved plan's JSON text: opened with the state keys when sealed, as it is otherwise. */
export function openPlanText(text: string, file: string, env: Env): string {
  if (!isSealedText(text)) return text;
  return openSealedText(text, readStateKeys(env), file).plaintext;
}
