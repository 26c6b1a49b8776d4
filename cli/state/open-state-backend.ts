import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { DiagnosticsError, hasErrors } from '../diag/index.js';
import { loadProvider } from '../providers.js';
import { resolveBackendConfig } from './backend-config.js';
import type { BackendConfig } from './backend-config.js';
import { createStateBackend } from './create-state-backend.js';
import { createStateCodec } from './crypto/state-codec.js';
import { readStateKeys } from './crypto/state-keys.js';
import type { StateBackend } from './state-types.js';
import { isCode } from './write-file-atomic.js';

/** How a command locates a stack's state: `-f`/`--app` (the stack and its dir) and/or `--state`. */
export interface OpenStateRequest {
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly statePath?: string | undefined;
  /** `--backend-config KEY=VALUE` pairs. */
  readonly backendConfig?: readonly string[] | undefined;
  readonly cwd: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** `state decrypt`: the backend writes plain text. */
  readonly writePlain?: boolean | undefined;
}

/** The backend of the located state and the stack it belongs to. */
export interface OpenStateResult {
  readonly backend: StateBackend;
  readonly stack: string;
  /** The backend chosen (spec, LEASEHOLD_BACKEND, --backend-config). */
  readonly config: BackendConfig;
  /** Directory of the spec (or of `--state`). */
  readonly dir: string;
}

/**
 * Locates a stack's state as every state-touching command does: the stack (name and directory)
 * comes from the spec or CDK app; `--state PATH` overrides the file. With `--state` alone, no
 * spec is read: the stack is the one the file names (a missing file is simply an empty state).
 */
export async function openStateBackend(req: OpenStateRequest): Promise<OpenStateResult> {
  const statePath = req.statePath === undefined ? undefined : resolve(req.cwd, req.statePath);
  const env = req.env ?? process.env;
  if (statePath !== undefined && req.file === undefined && req.app === undefined) {
    const stack = await stackOfStateFile(statePath, env);
    const config = { type: 'local' as const };
    const backend = await createStateBackend({
      config,
      dir: dirname(statePath),
      stack,
      statePath,
      env,
      writePlain: req.writePlain,
    });
    return { backend, stack, config, dir: dirname(statePath) };
  }
  const provider = await loadProvider();
  const res = await provider.loadStack({ file: req.file, app: req.app, cwd: req.cwd });
  if (hasErrors(res.diagnostics) || res.model === null) throw new DiagnosticsError(res.diagnostics);
  const stack = res.model.stack;
  const dir = res.dir;
  const config = resolveBackendConfig({
    spec: res.model.backend,
    env,
    overrides: req.backendConfig,
  });
  const backend = await createStateBackend({
    config,
    dir,
    stack,
    statePath,
    env,
    writePlain: req.writePlain,
  });
  return { backend, stack, config, dir };
}

async function stackOfStateFile(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw err;
    // No file yet: name the stack after it, as the default path would (`<stack>.state.json`).
    return basename(path).replace(/(\.state)?\.json$/, '');
  }
  return createStateCodec({ keys: readStateKeys(env) }).decode(text, { where: path, stack: null })
    .stack;
}
