import { isRecord } from '../../common/index.js';
import { StateCorruptError, StateVersionError, StateWrongStackError } from './state-errors.js';
import type { StackState } from './state-types.js';
import { validateStateSchema } from './validate-state-schema.js';

/** Where the text came from and which stack it must belong to (null: accept any stack). */
export interface ParseStateOptions {
  readonly file: string;
  readonly stack: string | null;
}

/**
 * Parses a state file's text: JSON, then the format version, then the schema, then the stack.
 * Throws StateCorruptError (with the JSON path of the first problem), StateVersionError or
 * StateWrongStackError; never returns a partly valid state.
 */
export function parseState(text: string, opts: ParseStateOptions): StackState {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (err) {
    const problem = err instanceof Error ? err.message : 'not JSON';
    throw new StateCorruptError({ file: opts.file, jsonPath: '', problem, cause: err });
  }
  const version = isRecord(data) ? data['formatVersion'] : undefined;
  if (typeof version === 'number' && version !== 1)
    throw new StateVersionError({ file: opts.file, found: version });
  const problem = validateStateSchema(data);
  if (problem !== null) throw new StateCorruptError({ file: opts.file, ...problem });
  const state = data as StackState;
  if (opts.stack !== null && state.stack !== opts.stack)
    throw new StateWrongStackError({ file: opts.file, expected: opts.stack, found: state.stack });
  return state;
}
