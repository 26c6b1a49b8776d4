import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import { runPlan } from '../engine/run-plan.js';
import { planFlags, refreshMode } from '../plan/plan-flags.js';
import { networkFlags, normalizeBooleanFlags, stackFlags, stateFlags } from '../flags.js';
import { renderPlan } from '../render/render-plan.js';
import { renderPlanResult } from '../render/render-plan-result.js';
import type { PlanResult } from '../render/render-plan-result.js';

export type { PlanResult };

export default class Plan extends LeaseholdCommand {
  static override summary = 'Show what apply would change, and what it would cost.';
  static override description =
    'Refreshes the stack from the chain, diffs it against the spec and prints each change with its reason, the attributes that force replacement, and the cost per hour, escrow to lock and runway. Writes nothing unless --out is given. With --detailed-exitcode: 0 no changes, 1 error, 2 changes.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --out plan.json --detailed-exitcode',
    "<%= config.bin %> <%= command.id %> --target 'instance.web[0]' --format markdown",
    '<%= config.bin %> <%= command.id %> --destroy --json',
  ];
  static override flags = {
    ...stackFlags,
    ...stateFlags,
    ...networkFlags,
    ...planFlags,
  };

  async run(): Promise<PlanResult> {
    const { flags } = await this.parse(Plan, normalizeBooleanFlags(this.argv, Plan.flags));
    const res = await runPlan({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      network: flags.network,
      cwd: process.cwd(),
      env: process.env,
      log: (line) => process.stderr.write(`${line}\n`),
      mode: flags.destroy ? 'destroy' : flags['refresh-only'] ? 'refresh-only' : 'normal',
      refresh: refreshMode(flags.refresh),
      targets: flags.target ?? [],
      replace: flags.replace ?? [],
      lock: flags.lock,
      lockTimeoutMs: flags['lock-timeout'],
      out: flags.out,
      version: this.config.version,
      now: new Date(),
    });
    if (!this.jsonEnabled()) {
      this.log(
        renderPlan(res.plan, {
          format: flags.format,
          version: this.config.version,
          warnings: res.diagnostics,
          stream: process.stdout,
          env: process.env,
        }),
      );
      if (res.out !== null && flags.format === 'human') this.log(`\nSaved the plan to ${res.out}.`);
    }
    if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    if (flags['detailed-exitcode'] && res.plan.applyable) process.exitCode = 2;
    return renderPlanResult(res.plan, {
      version: this.config.version,
      out: res.out,
      diagnostics: res.diagnostics,
    });
  }
}
