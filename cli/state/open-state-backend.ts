import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DiagnosticsError, hasErrors } from '../diag/index.js';
import { loadProvider } from '../providers.js';
import { createLocalBackend } from './local-backend.js';
import { parseState } from './parse-state.js';
import type { StateBackend } from './state-types.js';
import { isCode } from './write-file-atomic.js';

/** How a command locates a stack's state: `-f`/`--app` (the stack and its dir) and/or `--state`. */
export interface OpenStateRequest {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly statePath?: string | undefined;
  readonly cwd: string;
}

/** The backend of the located state and the stack it belongs to. */
export interface OpenStateResult {
  readonly backend: StateBackend;
  readonly stack: string;
}

/**
 * Locates a stack's state as every state-touching command does: the stack (name and directory)
 * comes from the spec or CDK app; `--state PATH` overrides the file. With `--state` alone, no
 * spec is read: the stack is the one the file names (a missing file is simply an empty state).
 */
export async function openStateBackend(req: OpenStateRequest): Promise<OpenStateResult> {
  const statePath = req.statePath === undefined ? undefined : resolve(req.cwd, req.statePath);
  if (statePath !== undefined && req.file === undefined && req.app === undefined) {
    const stack = await stackOfStateFile(statePath);
    return { backend: createLocalBackend({ dir: dirname(statePath), stack, statePath }), stack };
  }
  const provider = await loadProvider();
  const res = await provider.loadStack({ file: req.file, app: req.app, cwd: req.cwd });
  if (hasErrors(res.diagnostics) || res.model === null) throw new DiagnosticsError(res.diagnostics);
  const stack = res.model.stack;
  return { backend: createLocalBackend({ dir: res.dir, stack, statePath }), stack };
}

async function stackOfStateFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw err;
    // No file yet: name the stack after it, as the default path would (`<stack>.state.json`).
    return basename(path).replace(/(\.state)?\.json$/, '');
  }
  return parseState(text, { file: path, stack: null }).stack;
}
