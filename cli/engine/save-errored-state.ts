import { dirname, join, relative, resolve } from 'node:path';
import { errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { createStateCodec } from '../state/crypto/state-codec.js';
import { readStateKeys } from '../state/crypto/state-keys.js';
import type { StackState } from '../state/state-types.js';
import { writeFileAtomic } from '../state/write-file-atomic.js';

/** Where the stack is, to put errored.state.json beside it and print the push command. */
export interface SaveErroredStateRequest {
  readonly state: StackState;
  /** The spec file (or cdktf.json) as loaded, relative to `cwd` or absolute. */
  readonly specFile: string;
  /** `-f` as the user gave it, repeated in the command; undefined for the default spec. */
  readonly fileFlag?: string | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly location: string;
  readonly cause: unknown;
}

/**
 * Saves the state a failed write could not store to `errored.state.json` beside the spec
 * (sealed when a state key is set, like any state), and returns the error that names it with
 * the exact command to push it back (Terraform's errored.tfstate).
 */
export async function saveErroredState(req: SaveErroredStateRequest): Promise<Diagnostic> {
  const path = join(dirname(resolve(req.cwd, req.specFile)), 'errored.state.json');
  const { text } = createStateCodec({ keys: readStateKeys(req.env) }).encode(req.state);
  await writeFileAtomic(path, text);
  const shown = relative(req.cwd, path) || path;
  const command = `leasehold state push ${shown}${req.fileFlag === undefined ? '' : ` -f ${req.fileFlag}`}`;
  const why = req.cause instanceof Error ? req.cause.message : String(req.cause);
  return errorDiag({
    code: 'state/write-failed',
    summary: 'State could not be saved; it was written to errored.state.json',
    detail: `Writing the state to ${req.location} failed (${why}). Nothing was sent after that. The state as it stands (serial ${req.state.serial}) is in ${path}.`,
    hint: `Once the backend is back, run \`${command}\`. Or run apply again: it resumes from the journal and the chain.`,
  });
}
