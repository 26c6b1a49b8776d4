import { writeFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { loadProvider } from '../providers.js';

export interface ConvertResult {
  readonly sourceFormat: 'icl' | 'sdl';
  readonly yaml: string;
  readonly out: string | null;
  /** Warnings: everything that could not be carried over. */
  readonly diagnostics: Diagnostics;
}

export default class Convert extends LeaseholdCommand {
  static override summary = 'Convert a Spheron ICL or Akash SDL file into a Leasehold spec.';
  static override description =
    'Reads an ICL (v1.0) or SDL (v2.0/2.1) file and writes the equivalent Leasehold YAML spec. Anything that cannot be carried over is listed in a warning, never dropped silently. To adopt leases that already run on chain, use `import`.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> deploy.yaml > leasehold.yaml',
    '<%= config.bin %> <%= command.id %> akash-sdl.yml --stack my-app --out leasehold.yaml',
  ];
  static override args = {
    file: Args.string({
      ignoreStdin: true,
      required: true,
      description: 'ICL or SDL file to convert.',
    }),
  };
  static override flags = {
    out: Flags.string({
      char: 'o',
      summary: 'Write the spec to this file instead of stdout.',
      helpValue: 'FILE',
    }),
    stack: Flags.string({ summary: 'Stack name of the result (default: from the file name).' }),
  };

  async run(): Promise<ConvertResult> {
    const { args, flags } = await this.parse(Convert);
    const provider = await loadProvider();
    const res = await provider.convert({
      file: args.file,
      cwd: process.cwd(),
      stack: flags.stack,
      out: flags.out,
    });
    if (hasErrors(res.diagnostics) || res.yaml === null || res.sourceFormat === null)
      this.fail(res.diagnostics);
    this.printDiagnostics(res.diagnostics);
    if (flags.out !== undefined) await writeFile(flags.out, res.yaml);
    else if (!this.jsonEnabled()) process.stdout.write(res.yaml);
    return {
      sourceFormat: res.sourceFormat,
      yaml: res.yaml,
      out: flags.out ?? null,
      diagnostics: res.diagnostics,
    };
  }
}
