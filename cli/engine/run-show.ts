import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticsError, errorDiag, hasErrors } from '../diag/index.js';
import { decodePlan } from '../plan/plan-file.js';
import { openPlanText } from '../plan/plan-seal.js';
import type { Plan } from '../plan/plan-types.js';
import { loadProvider } from '../providers.js';
import { openStateBackend } from '../state/open-state-backend.js';
import { withoutSecretHmacs } from '../state/secret-hmac.js';
import type { StackState } from '../state/state-types.js';

/** `leasehold show [PLANFILE]` as typed options. */
export interface RunShowRequest {
  readonly planFile?: string | undefined;
  readonly file?: string | undefined;
  readonly app?: string | undefined;
  readonly statePath?: string | undefined;
  readonly backendConfig?: readonly string[] | undefined;
  readonly cwd: string;
}

/** A saved plan, or the current state (null when the stack has none). */
export type RunShowResult =
  | { readonly kind: 'plan'; readonly plan: Plan }
  | { readonly kind: 'state'; readonly state: StackState | null; readonly location: string };

/**
 * Reads what `show` prints, offline: a saved plan (checked against the stack of `-f`/`--app`
 * when one is given, `plan/wrong-stack` otherwise), or the stack's current state.
 */
export async function runShow(req: RunShowRequest): Promise<RunShowResult> {
  if (req.planFile === undefined) {
    const { backend } = await openStateBackend(req);
    const state = await backend.read();
    // The salt and the HMACs stay in the state file: together they would let anyone who sees
    // the output test guesses of a secret.
    const shown = state === null ? null : withoutSecretHmacs(state);
    return { kind: 'state', state: shown, location: backend.location };
  }
  let text: string;
  try {
    text = await readFile(resolve(req.cwd, req.planFile), 'utf8');
  } catch (err) {
    throw new DiagnosticsError([
      errorDiag({
        code: 'plan/file-not-found',
        summary: 'Saved plan cannot be read',
        detail: `${req.planFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
        hint: 'Pass the file written by `leasehold plan --out FILE`.',
      }),
    ]);
  }
  const expectedStack =
    req.file === undefined && req.app === undefined ? undefined : await stackName(req);
  const decoded = decodePlan(openPlanText(text, req.planFile, process.env), {
    file: req.planFile,
    expectedStack,
  });
  if (decoded.planFile === null || hasErrors(decoded.diagnostics))
    throw new DiagnosticsError(decoded.diagnostics);
  return { kind: 'plan', plan: decoded.planFile.plan };
}

async function stackName(req: RunShowRequest): Promise<string> {
  const provider = await loadProvider();
  const res = await provider.loadStack({ file: req.file, app: req.app, cwd: req.cwd });
  if (hasErrors(res.diagnostics) || res.model === null) throw new DiagnosticsError(res.diagnostics);
  return res.model.stack;
}
