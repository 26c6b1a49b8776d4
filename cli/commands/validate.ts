import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { stackFlags } from '../flags.js';
import { loadProvider } from '../providers.js';

export interface ValidateResult {
  readonly valid: true;
  readonly file: string;
  readonly resources: number;
  /** Warnings only: errors exit 1 with `{ "error": [...] }`. */
  readonly diagnostics: Diagnostics;
}

export default class Validate extends LeaseholdCommand {
  static override summary = 'Check a stack for errors, offline.';
  static override description =
    'Reads the YAML spec or synthesizes the CDK app, checks it against the schema and the semantic rules, and reports every problem at once with file, line and column. Contacts no network.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml',
    '<%= config.bin %> <%= command.id %> -f examples/cdk/cdktf.json --json',
  ];
  static override flags = { ...stackFlags };

  async run(): Promise<ValidateResult> {
    const { flags } = await this.parse(Validate);
    const provider = await loadProvider();
    const res = await provider.loadStack({ file: flags.file, app: flags.app, cwd: process.cwd() });
    if (hasErrors(res.diagnostics) || res.model === null) this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    if (!this.jsonEnabled())
      this.log(`${res.file}: valid (${res.model.resources.length} resources).`);
    return {
      valid: true,
      file: res.file,
      resources: res.model.resources.length,
      diagnostics: res.diagnostics,
    };
  }
}
