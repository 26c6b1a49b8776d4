import { writeFile } from 'node:fs/promises';
import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { loadProvider } from '../providers.js';

export interface ConvertResult {
  readonly sourceFormat: 'icl' | 'sdl' | 'spec';
  readonly yaml: string;
  readonly out: string | null;
  /** Warnings: everything that could not be carried over. */
  readonly diagnostics: Diagnostics;
}

export default class Convert extends LeaseholdCommand {
  static override summary =
    'Convert a Spheron ICL or Akash SDL file into a Leasehold spec, or a spec into ICL.';
  static override description =
    "Reads an ICL (1.0 or 2.0) or SDL (2.x) file and writes the equivalent Leasehold YAML spec. With `--to icl`, reads a Leasehold spec and writes Spheron ICL (2.0 unless `--icl-version 1`), with the SDK's tier keys and a price per service that covers all its replicas. Anything that cannot be carried over is listed in a warning, never dropped silently. To adopt leases that already run on chain, use `import`.";
  static override examples = [
    '<%= config.bin %> <%= command.id %> deploy.yaml > leasehold.yaml',
    '<%= config.bin %> <%= command.id %> akash-sdl.yml --stack my-app --out leasehold.yaml',
    '<%= config.bin %> <%= command.id %> leasehold.yaml --to icl --icl-version 2 > deploy.yaml',
  ];
  static override args = {
    file: Args.string({
      ignoreStdin: true,
      required: true,
      description: 'ICL or SDL file to convert (with --to icl: a Leasehold spec).',
    }),
  };
  static override flags = {
    out: Flags.string({
      char: 'o',
      summary: 'Write the spec to this file instead of stdout.',
      helpValue: 'FILE',
    }),
    stack: Flags.string({ summary: 'Stack name of the result (default: from the file name).' }),
    to: Flags.string({
      summary: 'What to write: a Leasehold spec, or Spheron ICL from a spec.',
      options: ['spec', 'icl'],
      default: 'spec',
    }),
    'icl-version': Flags.string({
      summary: 'ICL version to write with --to icl.',
      options: ['1', '2'],
      default: '2',
    }),
    instance: Flags.string({ summary: 'With --to icl: export only this instance.' }),
  };

  async run(): Promise<ConvertResult> {
    const { args, flags } = await this.parse(Convert);
    const provider = await loadProvider();
    const res = await provider.convert({
      file: args.file,
      cwd: process.cwd(),
      stack: flags.stack,
      to: flags.to === 'icl' ? 'icl' : 'spec',
      iclVersion: flags['icl-version'] === '1' ? 1 : 2,
      instance: flags.instance,
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
