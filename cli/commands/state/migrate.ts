import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import {
  createStateBackend,
  logActivity,
  migrateState,
  openStateBackend,
} from '../../state/index.js';
import type { BackendConfig, MigrateStateResult } from '../../state/index.js';

export interface StateMigrateResult extends MigrateStateResult {
  readonly stack: string;
  readonly from: string;
  readonly to: string;
}

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
    const env = process.env;
    const src = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const config: BackendConfig =
      flags.to === 'local'
        ? { type: 'local' }
        : {
            type: 'pg',
            schema: flags.schema ?? (src.config.type === 'pg' ? src.config.schema : 'leasehold'),
            keep: src.config.type === 'pg' ? src.config.keep : 100,
          };
    const to = await createStateBackend({ config, dir: src.dir, stack: src.stack, env });
    try {
      const res = await migrateState({
        from: src.backend,
        to,
        timeoutMs: flags['lock-timeout'],
        version: this.config.version,
      });
      if (res.outcome === 'copied')
        for (const b of [src.backend, to]) {
          const warn = await logActivity({
            backend: b,
            env,
            now: new Date(),
            entry: {
              stack: src.stack,
              command: 'state migrate',
              summary: `migrated serial ${res.serial} from ${src.backend.location} to ${to.location}`,
              resources: [],
              txHashes: [],
              ...(res.serial === null ? {} : { serial: res.serial }),
            },
          });
          if (warn !== null) this.printDiagnostics([warn]);
        }
      if (!this.jsonEnabled())
        this.log(
          res.outcome === 'copied'
            ? `Copied serial ${res.serial} (lineage ${res.lineage}) from ${src.backend.location} to ${to.location}.`
            : res.outcome === 'already'
              ? `${to.location} already holds this state (serial ${res.serial}); nothing to do.`
              : `No state at ${src.backend.location}; nothing to migrate.`,
        );
      return { ...res, stack: src.stack, from: src.backend.location, to: to.location };
    } finally {
      await src.backend.close?.();
      await to.close?.();
    }
  }
}
