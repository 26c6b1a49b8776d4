import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { runShow } from '../engine/run-show.js';
import { stackFlags, stateFlags } from '../flags.js';
import { formatFlag } from '../plan/plan-flags.js';
import type { StackState } from '../state/state-types.js';
import { renderPlan } from '../render/render-plan.js';
import type { PlanJson } from '../render/render-plan-json.js';
import { renderPlanJson } from '../render/render-plan-json.js';
import { renderStateHuman } from '../render/render-state-human.js';
import { styleFor } from '../render/style.js';

export type ShowResult =
  | { readonly kind: 'plan'; readonly plan: PlanJson }
  | { readonly kind: 'state'; readonly state: StackState | null };

export default class Show extends LeaseholdCommand {
  static override summary = 'Show a saved plan, or the current state of the stack.';
  static override description =
    'With PLANFILE (written by `plan --out`), renders that plan as plan does; with -f/--app as well, refuses a plan made for another stack. Without PLANFILE, shows the resources and leases in the current state. Reads no network.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> plan.json',
    '<%= config.bin %> <%= command.id %> plan.json --format markdown',
    '<%= config.bin %> <%= command.id %> plan.json -f leasehold.yaml --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    format: formatFlag,
  };
  static override args = {
    planfile: Args.string({
      ignoreStdin: true,
      description: 'Saved plan file (plan --out).',
      required: false,
    }),
  };

  async run(): Promise<ShowResult> {
    const { flags, args } = await this.parse(Show);
    const res = await runShow({
      planFile: args.planfile,
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const version = this.config.version;
    if (res.kind === 'state') {
      if (!this.jsonEnabled())
        this.log(
          flags.format === 'json'
            ? JSON.stringify(res.state, null, 2)
            : renderStateHuman(res.state, res.location, styleFor(process.stdout, process.env)),
        );
      return { kind: 'state', state: res.state };
    }
    if (!this.jsonEnabled())
      this.log(
        renderPlan(res.plan, {
          format: flags.format,
          version,
          warnings: [],
          stream: process.stdout,
          env: process.env,
        }),
      );
    return { kind: 'plan', plan: renderPlanJson(res.plan, version) };
  }
}
