import type { Diagnostics } from '../diag/index.js';
import type { Plan } from '../plan/plan-types.js';
import { renderPlanJson } from './render-plan-json.js';
import type { PlanJson } from './render-plan-json.js';

/** `leasehold plan --json` (schemas/cli/plan.schema.json). */
export interface PlanResult {
  /** The plan as `terraform show -json` would print it (schemas/plan.schema.json). */
  readonly plan: PlanJson;
  /**
   * `plan.resource_changes` again at the top level, where Terraform's JSON has it, so conftest/OPA
   * policies and plan-comment tools read `leasehold plan --json` unchanged.
   */
  readonly resource_changes: PlanJson['resource_changes'];
  /** `plan.output_changes` again at the top level, as in Terraform's JSON. */
  readonly output_changes: PlanJson['output_changes'];
  /** Absolute path of the saved plan (`--out`), or null. */
  readonly out: string | null;
  /** Warnings only: errors exit 1 with `{ "error": [...] }`. */
  readonly diagnostics: Diagnostics;
}

/** The JSON result of `leasehold plan` (pure); `version` is Leasehold's. */
export function renderPlanResult(
  plan: Plan,
  opts: {
    readonly version: string;
    readonly out: string | null;
    readonly diagnostics: Diagnostics;
  },
): PlanResult {
  const json = renderPlanJson(plan, opts.version);
  return {
    plan: json,
    resource_changes: json.resource_changes,
    output_changes: json.output_changes,
    out: opts.out,
    diagnostics: opts.diagnostics,
  };
}
