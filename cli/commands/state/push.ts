import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { runStatePush } from '../../engine/run-state-transfer.js';
import { stackFlags, stateFlags } from '../../flags.js';

export interface StatePushResult {
  readonly stack: string;
  readonly location: string;
  readonly serial: number;
  readonly lineage: string;
}

export default class StatePush extends LeaseholdCommand {
  static override summary =
    'Write a state file (errored.state.json, a pulled state) to the backend.';
  static override description =
    "Holds the state lock, and writes only when the file's lineage matches the stored state and it is newer (--force allows an older serial on purpose, never another lineage). Encrypted files are opened with LEASEHOLD_STATE_PASSPHRASE.";
  static override examples = [
    '<%= config.bin %> <%= command.id %> errored.state.json',
    '<%= config.bin %> <%= command.id %> before.json --force',
  ];
  static override flags = {
    ...stackFlags,
    ...stateFlags,
    force: Flags.boolean({
      summary: 'Push even when the file is not newer than the stored state.',
    }),
  };
  static override args = {
    file: Args.string({
      ignoreStdin: true,
      description: 'The state file to push.',
      required: true,
    }),
  };

  async run(): Promise<StatePushResult> {
    const { flags, args } = await this.parse(StatePush);
    const res = await runStatePush({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
      env: process.env,
      pushFile: args.file,
      force: flags.force,
      lockTimeoutMs: flags['lock-timeout'],
      version: this.config.version,
    });
    this.printDiagnostics(res.warnings);
    if (!this.jsonEnabled())
      this.log(`Pushed ${args.file} to ${res.location} as serial ${res.serial}.`);
    return { stack: res.stack, location: res.location, serial: res.serial, lineage: res.lineage };
  }
}
