import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import { stackFlags } from '../flags.js';
import type { ModelView } from '../provider-api.js';
import { loadProvider } from '../providers.js';

export interface SynthResult {
  readonly file: string;
  readonly model: ModelView;
  /** Where the canonical JSON was written, when `--out` was given. */
  readonly out: string | null;
}

export default class Synth extends LeaseholdCommand {
  static override summary = 'Print the normalized model of a stack.';
  static override description =
    'Loads the YAML spec or runs the CDK app, then prints the canonical model JSON that plan diffs: units parsed, defaults applied, one content hash per resource. A YAML spec and a CDK app that say the same thing print the same bytes.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml',
    '<%= config.bin %> <%= command.id %> --app "node main.js" --out model.json',
  ];
  static override flags = {
    ...stackFlags,
    out: Flags.string({
      char: 'o',
      summary: 'Write the canonical model JSON to this file.',
      helpValue: 'FILE',
    }),
  };

  async run(): Promise<SynthResult> {
    const { flags } = await this.parse(Synth);
    const provider = await loadProvider();
    const res = await provider.loadStack({ file: flags.file, app: flags.app, cwd: process.cwd() });
    if (hasErrors(res.diagnostics) || res.model === null || res.canonicalJson === null)
      this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    if (flags.out !== undefined) {
      await writeFile(flags.out, res.canonicalJson + '\n');
      if (!this.jsonEnabled()) this.log(`Wrote the model of ${res.model.stack} to ${flags.out}.`);
    } else if (!this.jsonEnabled()) {
      this.log(JSON.stringify(JSON.parse(res.canonicalJson), null, 2));
    }
    return { file: res.file, model: res.model, out: flags.out ?? null };
  }
}
