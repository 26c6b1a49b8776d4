import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { errorDiag } from '../diag/index.js';
import { runOutput } from '../engine/run-output.js';
import { stackFlags, stateFlags } from '../flags.js';
import { maskOutputs } from '../render/render-apply-json.js';
import type { MaskedOutput } from '../render/render-apply-json.js';
import { outputText } from '../render/render-apply-summary.js';

/** `output --json` (schemas/cli/output.schema.json). */
export interface OutputResult {
  readonly outputs: Readonly<Record<string, MaskedOutput>>;
}

export default class Output extends LeaseholdCommand {
  static override summary = "Print the stack's outputs from the state.";
  static override description =
    'Without NAME: every output, sensitive ones masked. With NAME: that output\'s value alone, as plain text (sensitive values too, as Terraform does) — handy in scripts: curl "$(leasehold output url)". Reads the state only; no chain access.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> url',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override args = {
    name: Args.string({ ignoreStdin: true, description: 'One output to print.' }),
  };
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
  };

  async run(): Promise<OutputResult> {
    const { args, flags } = await this.parse(Output);
    const all = await runOutput({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    if (args.name === undefined) {
      if (!this.jsonEnabled())
        for (const [k, o] of Object.entries(all)) this.log(`${k} = ${outputText(o)}`);
      return { outputs: maskOutputs(all) };
    }
    const one = all[args.name];
    if (one === undefined)
      this.fail([
        errorDiag({
          code: 'apply/output-not-found',
          summary: 'Output not found',
          detail: `The state has no output "${args.name}". Known: ${Object.keys(all).join(', ') || '(none)'}.`,
          hint: 'Run `leasehold output` to list them, or apply the stack first.',
        }),
      ]);
    if (!this.jsonEnabled()) this.log(one.value ?? '');
    return { outputs: { [args.name]: { value: one.value, sensitive: one.sensitive } } };
  }
}
