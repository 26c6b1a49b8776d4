import { Args, Flags } from '@oclif/core';
import { applyFlags, runApplyCommand } from '../apply-command.js';
import { LeaseholdCommand } from '../base-command.js';
import { normalizeBooleanFlags } from '../flags.js';
import type { ApplySummaryLine } from '../render/render-apply-json.js';

/** `apply --json`: the summary line (schemas/cli/apply.schema.json); events precede it. */
export type ApplyResult = ApplySummaryLine;

export default class Apply extends LeaseholdCommand {
  static override summary =
    'Create, update or destroy leases so the marketplace matches the stack.';
  static override description =
    'Without PLANFILE: plans (as `plan` does), shows the plan and asks for "yes" (--auto-approve skips the question; without a terminal it is required). With PLANFILE: applies that saved plan as it is, refusing it when the state or the spec changed since ("Saved plan is stale"). Progress is a live list on a terminal, plain lines in CI, JSON lines with --json. Exit 0 done, 1 error or partial failure, 130 interrupted.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/hello.yaml --auto-approve',
    '<%= config.bin %> <%= command.id %> plan.json',
    '<%= config.bin %> <%= command.id %> --auto-approve --json --parallelism 4',
  ];
  static override args = {
    planfile: Args.string({
      // Only an argument names a plan: oclif would otherwise read piped stdin (`echo yes |`) as one.
      ignoreStdin: true,
      description: 'A plan saved by `leasehold plan --out FILE`.',
    }),
  };
  static override flags = {
    ...applyFlags,
    'allow-unmatched': Flags.boolean({
      summary: 'Order new slots even when plan finds no provider that can take them.',
      description:
        'Such an order stays open on chain until a provider that fits registers; Spheron cannot cancel it.',
    }),
  };

  async run(): Promise<ApplyResult> {
    const { args, flags } = await this.parse(Apply, normalizeBooleanFlags(this.argv, Apply.flags));
    return runApplyCommand({
      command: 'apply',
      planFile: args.planfile,
      flags,
      json: this.jsonEnabled(),
      version: this.config.version,
      printDiagnostics: (d) => this.printDiagnostics(d),
      fail: (d) => this.fail(d),
    });
  }

  // JSON lines: the summary is one line after the event lines, not a pretty-printed block.
  protected override logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }
}
