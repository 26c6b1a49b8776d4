import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DiagnosticsError, errorDiag, hasErrors } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { decodePlan } from '../plan/plan-file.js';
import { openPlanText } from '../plan/plan-seal.js';
import { locateStackOfPlan, readPlanSource } from '../plan/plan-source.js';
import type { PlanFile } from '../plan/plan-file.js';
import type { Plan } from '../plan/plan-types.js';
import type { OutputState } from '../state/state-types.js';
import type { ApplyProgressEvent } from './apply-events.js';
import { DEFAULT_APPLY_TIMEOUTS } from './apply-plan.js';
import type { ApplyTimeouts } from './apply-plan.js';
import { applyStack } from './apply-stack.js';
import { applyTimeoutsFromEnv } from './apply-timeouts-from-env.js';
import type { ApplyStackResult } from './apply-stack.js';
import { openStack } from './open-stack.js';
import { saveErroredState } from './save-errored-state.js';
import { applyActivity } from './apply-activity.js';
import { logActivity } from '../state/activity.js';
import type { OpenStack, OpenStackRequest } from './open-stack.js';

/** `leasehold apply [PLANFILE]` / `destroy` as typed options. */
export interface RunApplyRequest extends Omit<OpenStackRequest, 'signer'> {
  /** A saved plan (`plan --out`), applied as it is. */
  readonly planFile?: string | undefined;
  readonly mode: 'normal' | 'destroy';
  /** `chain`: refresh from the chain alone (no provider status reads). */
  readonly refresh: boolean | 'chain';
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
  /** At most this many slots at once; null: sized from the plan and the network's limits. */
  readonly parallelism: number | null;
  readonly signal: AbortSignal;
  readonly emit: (event: ApplyProgressEvent) => void;
  /** Shown the fresh plan; true goes on. */
  readonly confirm: (plan: Plan) => Promise<boolean>;
  readonly timeouts?: Partial<ApplyTimeouts> | undefined;
  readonly now?: (() => Date) | undefined;
  /** `--allow-unmatched`: order slots no registered provider can take. @default false */
  readonly allowUnmatched?: boolean | undefined;
}

/** The apply's result plus the outputs as written. */
export interface RunApplyResult extends ApplyStackResult {
  readonly outputs: Readonly<Record<string, OutputState>>;
}

/**
 * The edge of apply: loads the stack, reads a saved plan (checked to belong to it), connects with
 * the signing wallet, applies under the lock, and always closes the session.
 */
export async function runApply(req: RunApplyRequest): Promise<RunApplyResult> {
  // Explicit timeouts (the library) win over LEASEHOLD_APPLY_*_TIMEOUT, which win over defaults.
  const timeouts = { ...DEFAULT_APPLY_TIMEOUTS, ...applyTimeoutsFromEnv(req.env), ...req.timeouts };
  const sealed = req.planFile === undefined ? null : await readPlanText(req.cwd, req.planFile);
  // Opened first: an encrypted plan names its stack only once decrypted.
  const text = sealed === null ? null : openPlanText(sealed, req.planFile ?? '', req.env);
  // A saved plan names its own stack: `apply plan.json` needs no -f.
  const where =
    text === null ? req : locateStackOfPlan(req, readPlanSource(text), req.planFile ?? '');
  const stack = await openStack({ ...req, ...where, signer: 'sign' });
  try {
    let planFile: PlanFile | null = null;
    if (text !== null) {
      const decoded = decodePlan(text, {
        file: req.planFile ?? '',
        expectedStack: stack.model.stack,
      });
      if (decoded.planFile === null || hasErrors(decoded.diagnostics))
        throw new DiagnosticsError(decoded.diagnostics);
      planFile = decoded.planFile;
    }
    const res = await applyStack({
      session: stack.session,
      backend: stack.backend,
      model: stack.model,
      planFile,
      mode: req.mode,
      refresh: req.refresh,
      targets: req.targets,
      replace: req.replace,
      lock: req.lock,
      lockTimeoutMs: req.lockTimeoutMs,
      version: req.version,
      parallelism: req.parallelism,
      env: req.env,
      signal: req.signal,
      emit: req.emit,
      timeouts,
      now: req.now ?? (() => new Date()),
      confirm: req.confirm,
      screenMatches: true,
      allowUnmatched: req.allowUnmatched,
    });
    const after = await afterApply({ req, stack, res });
    return {
      ...res,
      status: after.some((d) => d.severity === 'error') ? 'failed' : res.status,
      diagnostics: [...stack.warnings, ...res.diagnostics, ...after],
      outputs: res.state?.outputs ?? {},
    };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}

async function readPlanText(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch (err) {
    throw new DiagnosticsError([
      errorDiag({
        code: 'plan/file-not-found',
        summary: 'Saved plan cannot be read',
        detail: `${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`,
        hint: 'Pass the file written by `leasehold plan --out FILE`.',
      }),
    ]);
  }
}

/**
 * What follows an apply: the state a failed write could not store goes to errored.state.json
 * (with the push command), and the run goes to the activity log. Returns their diagnostics.
 */
async function afterApply(opts: {
  readonly req: RunApplyRequest;
  readonly stack: OpenStack;
  readonly res: ApplyStackResult;
}): Promise<Diagnostic[]> {
  const { req, stack, res } = opts;
  const out: Diagnostic[] = [];
  if (res.unsaved !== undefined)
    out.push(
      await saveErroredState({
        state: res.unsaved,
        specFile: stack.file,
        fileFlag: req.file,
        cwd: req.cwd,
        env: req.env,
        location: stack.backend.location,
        cause: firstWriteError(res.diagnostics),
      }),
    );
  if (res.status === 'cancelled' || res.status === 'refused' || res.status === 'no-changes')
    return out;
  const entry = applyActivity({
    command: req.mode === 'destroy' ? 'destroy' : 'apply',
    stack: stack.model.stack,
    status: out.length > 0 ? 'failed' : res.status,
    plan: res.plan,
    outcomes: res.outcomes,
    txHashes: res.txHashes ?? [],
    serial: res.unsaved?.serial ?? res.state?.serial ?? null,
  });
  const now = (req.now ?? (() => new Date()))();
  const logged = await logActivity({ backend: stack.backend, env: req.env, now, entry });
  if (logged !== null) out.push(logged);
  return out;
}

/** The first state-backend error among the diagnostics, as the cause to name. */
function firstWriteError(diags: readonly { code: string; detail?: string | undefined }[]): string {
  const d = diags.find((x) => x.code.startsWith('state/'));
  return d?.detail ?? 'the backend refused the write';
}
