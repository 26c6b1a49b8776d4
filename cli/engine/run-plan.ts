import { resolve } from 'node:path';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { encodePlan } from '../plan/plan-file.js';
import { sealPlanText } from '../plan/plan-seal.js';
import { toPlanSource } from '../plan/plan-source.js';
import type { Plan, PlanMode } from '../plan/plan-types.js';
import { writeFileAtomic } from '../state/write-file-atomic.js';
import { checkPlanSecrets } from './check-plan-secrets.js';
import { openStack } from './open-stack.js';
import type { OpenStackRequest } from './open-stack.js';
import { planStack } from './plan-stack.js';

/** `leasehold plan` as typed options (Terraform's `arguments`). */
export interface RunPlanRequest extends Omit<OpenStackRequest, 'signer'> {
  readonly mode: PlanMode;
  readonly refresh: boolean | 'chain';
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  /** `--out FILE`: save the plan (only when it has no errors). */
  readonly out?: string | undefined;
  readonly version: string;
  readonly now: Date;
}

/** The plan, everything found while making it, and where it was saved. */
export interface RunPlanResult {
  readonly plan: Plan;
  readonly diagnostics: Diagnostics;
  /** Absolute path of the saved plan, null when not saved. */
  readonly out: string | null;
}

/**
 * Opens the stack, plans it, and saves the plan with `--out` — never an errored plan, so a
 * budget error or a bad provider answer leaves no file behind. Always closes the session.
 */
export async function runPlan(req: RunPlanRequest): Promise<RunPlanResult> {
  const stack = await openStack({ ...req, signer: 'address' });
  try {
    const res = await planStack({
      session: stack.session,
      backend: stack.backend,
      stack: stack.model.stack,
      model: stack.model,
      mode: req.mode,
      refresh: req.refresh,
      targets: req.targets,
      replace: req.replace,
      secretEnv: req.env,
      screenMatches: true,
      lock: req.lock,
      lockTimeoutMs: req.lockTimeoutMs,
      version: req.version,
      now: req.now,
    });
    const diagnostics = [
      ...stack.warnings,
      ...res.diagnostics,
      ...checkPlanSecrets(res.plan.changes, req.env),
    ];
    let out: string | null = null;
    if (req.out !== undefined && !hasErrors(diagnostics)) {
      out = resolve(req.cwd, req.out);
      const source = toPlanSource({ ...req, out, file: stack.file, dir: stack.dir });
      const text = JSON.stringify(encodePlan(res.plan, source), null, 2) + '\n';
      const meta = {
        stack: res.plan.stack,
        lineage: res.plan.lineage ?? '',
        serial: res.plan.serial ?? 0,
      };
      await writeFileAtomic(out, sealPlanText(text, meta, req.env));
    }
    return { plan: res.plan, diagnostics, out };
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}
