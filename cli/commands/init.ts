import { basename, resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { hasErrors } from '../diag/index.js';
import { loadProvider } from '../providers.js';

export interface InitResult {
  readonly dir: string;
  readonly kind: 'yaml' | 'cdk';
  readonly files: readonly string[];
}

export default class Init extends LeaseholdCommand {
  static override summary = 'Scaffold a new stack: a YAML spec or a CDK project.';
  static override description =
    'Writes a stack that validates as created and runs on the local devnet. Refuses to overwrite existing files unless --force.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> my-app --cdk',
  ];
  static override args = {
    dir: Args.string({
      ignoreStdin: true,
      description: 'Directory to create the stack in.',
      default: '.',
    }),
  };
  static override flags = {
    cdk: Flags.boolean({
      summary: 'Scaffold a CDK (cdktf) project, in JavaScript, instead of a YAML spec.',
    }),
    stack: Flags.string({ summary: 'Stack name (default: the directory name).' }),
    force: Flags.boolean({ summary: 'Overwrite existing files.' }),
  };

  async run(): Promise<InitResult> {
    const { args, flags } = await this.parse(Init);
    const dir = args.dir;
    const kind = flags.cdk ? 'cdk' : 'yaml';
    const stack = flags.stack ?? toStackName(basename(resolve(process.cwd(), dir)));
    const provider = await loadProvider();
    const res = await provider.scaffold({ dir, kind, stack, force: flags.force });
    if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
    if (!this.jsonEnabled()) {
      this.log(`Created ${kind === 'cdk' ? 'a CDK' : 'a YAML'} stack "${stack}":`);
      for (const f of res.files) this.log(`  ${f}`);
      this.log(
        kind === 'cdk'
          ? 'Next: npm install, then leasehold validate.'
          : 'Next: leasehold validate, then leasehold plan.',
      );
    }
    return { dir, kind, files: res.files };
  }
}

/** Directory names become valid stack names: lowercase, dashes, at most 40 characters. */
function toStackName(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return /^[a-z]/.test(s) ? s : `stack-${s}`.slice(0, 40).replace(/-+$/, '');
}
