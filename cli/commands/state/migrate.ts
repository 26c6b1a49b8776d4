import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { runStateMigrate } from '../../engine/run-state-transfer.js';
import type { RunStateMigrateResult } from '../../engine/run-state-transfer.js';
import { stackFlags, stateFlags } from '../../flags.js';

export type StateMigrateResult = Omit<RunStateMigrateResult, 'warnings'>;

export default class StateMigrate extends LeaseholdCommand {
  static override summary =
    'Move a stack’s state to another backend (pg or local), keeping lineage and serial.';
  static override description =
    'Copies the state from the backend the stack uses now (its `backend` block, LEASEHOLD_BACKEND, --backend-config) to --to, holding both locks. Refuses when the destination already holds a different state. Afterwards, set the spec’s `backend` block (or LEASEHOLD_BACKEND) to the new backend.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> --to pg',
    'LEASEHOLD_BACKEND=pg <%= config.bin %> <%= command.id %> --to local',
  ];
  static override flags = {
    ...stackFlags,
    ...stateFlags,
    to: Flags.string({
      summary: 'The destination backend.',
      options: ['pg', 'local'],
      required: true,
    }),
    schema: Flags.string({
      summary: 'pg destination: the schema (default: the spec’s, else leasehold).',
    }),
  };

  async run(): Promise<StateMigrateResult> {
    const { flags } = await this.parse(StateMigrate);
    const { warnings, ...res } = await runStateMigrate({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
      env: process.env,
      to: flags.to === 'local' ? 'local' : 'pg',
      schema: flags.schema,
      lockTimeoutMs: flags['lock-timeout'],
      version: this.config.version,
    });
    this.printDiagnostics(warnings);
    if (!this.jsonEnabled())
      this.log(
        res.outcome === 'copied'
          ? `Copied serial ${res.serial} (lineage ${res.lineage}) from ${res.from} to ${res.to}.`
          : res.outcome === 'already'
            ? `${res.to} already holds this state (serial ${res.serial}); nothing to do.`
            : `No state at ${res.from}; nothing to migrate.`,
      );
    return res;
  }
}
