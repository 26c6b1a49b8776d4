import { applyFlags, runApplyCommand } from '../apply-command.js';
import { LeaseholdCommand } from '../base-command.js';
import { normalizeBooleanFlags } from '../flags.js';
import type { ApplySummaryLine } from '../render/render-apply-json.js';

/** `destroy --json`: the summary line (schemas/cli/apply.schema.json); events precede it. */
export type DestroyResult = ApplySummaryLine;

export default class Destroy extends LeaseholdCommand {
  static override summary = 'Close every lease of the stack.';
  static override description =
    'Plans the destruction of every resource (as `plan --destroy`), shows it and asks for "yes" (--auto-approve skips the question; without a terminal it is required), then closes each lease; a lease already terminated counts as done. Reports the escrow released. Exit 0 done, 1 error or partial failure, 130 interrupted.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml --auto-approve',
    "<%= config.bin %> <%= command.id %> --target 'instance.web' --auto-approve --json",
  ];
  static override flags = applyFlags;

  async run(): Promise<DestroyResult> {
    const { flags } = await this.parse(Destroy, normalizeBooleanFlags(this.argv, Destroy.flags));
    return runApplyCommand({
      command: 'destroy',
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
