import { LeaseholdError } from '../../diag/index.js';
import { parseState } from '../parse-state.js';
import type { StackState } from '../state-types.js';
import { validateStateSchema } from '../validate-state-schema.js';
import { isSealedText, newSalt, openSealedText, sealText } from './seal.js';
import type { StateKeys } from './state-keys.js';

/** How a backend turns states into stored text and back (encryption at rest, for any backend). */
export interface StateCodec {
  /** Parses stored text (sealed or plain), checking the stack; throws on a wrong or missing key. */
  decode(text: string, opts: { readonly where: string; readonly stack: string | null }): StackState;
  /** The text to store: sealed when a key is set (plain → encrypted on the first write). */
  encode(state: StackState): { readonly text: string; readonly encrypted: boolean };
  /** Whether the last decoded text was sealed. */
  readonly lastWasSealed: boolean;
}

/** Options of {@link createStateCodec}. */
export interface StateCodecOptions {
  readonly keys: StateKeys | null;
  /**
   * `state decrypt` only: write plain text even though the state was sealed. Without it an
   * encrypted state never turns plain by accident (a missing key fails the read first).
   */
  readonly writePlain?: boolean | undefined;
}

/**
 * The codec of one backend instance. It keeps the salt of the state it read, so every write of
 * that state reuses it (one key derivation per stack, cached) — except after a read that only the
 * previous key opened: then the next write takes a fresh salt under the current key (rotation).
 */
export function createStateCodec(opts: StateCodecOptions): StateCodec {
  let salt: string | null = null;
  let lastWasSealed = false;
  return {
    get lastWasSealed() {
      return lastWasSealed;
    },
    decode(text, { where, stack }) {
      if (!isSealedText(text)) {
        lastWasSealed = false;
        return parseState(text, { file: where, stack });
      }
      const opened = openSealedText(text, opts.keys, where);
      lastWasSealed = true;
      salt = opened.byPrevious ? null : opened.salt;
      return parseState(opened.plaintext, { file: where, stack });
    },
    encode(state) {
      // A state that would not read back is a bug in the caller: refuse it rather than store it.
      const problem = validateStateSchema(state);
      if (problem !== null)
        throw new LeaseholdError({
          code: 'internal/invalid-state',
          summary: 'Refused to write an invalid state',
          detail: `At ${problem.jsonPath || '(root)'}: ${problem.problem}. The stored state was left as it was.`,
          hint: 'Re-run with LEASEHOLD_DEBUG=1 for the stack trace, and report it.',
        });
      const plaintext = JSON.stringify(state, null, 2) + '\n';
      if (opts.writePlain === true || opts.keys === null)
        return { text: plaintext, encrypted: false };
      if (opts.keys.current === null)
        throw new LeaseholdError({
          code: 'state/no-current-key',
          summary: 'Only a previous state key is set',
          detail:
            'LEASEHOLD_STATE_PASSPHRASE_PREVIOUS is set but LEASEHOLD_STATE_PASSPHRASE is not, so Leasehold cannot seal the new state. Nothing was written.',
          hint: 'Set LEASEHOLD_STATE_PASSPHRASE to the new key (or run `leasehold state decrypt` to go back to plain text).',
        });
      salt ??= newSalt();
      const meta = { stack: state.stack, lineage: state.lineage, serial: state.serial };
      return {
        text: sealText({ plaintext, passphrase: opts.keys.current, salt, kind: 'state', meta }),
        encrypted: true,
      };
    },
  };
}
