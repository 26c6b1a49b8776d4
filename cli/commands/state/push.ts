import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { logActivity } from '../../state/activity.js';
import { createStateCodec } from '../../state/crypto/state-codec.js';
import { readStateKeys } from '../../state/crypto/state-keys.js';
import { openStateBackend } from '../../state/index.js';
import { pushState } from '../../state/state-transfer.js';

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
    file: Args.string({ description: 'The state file to push.', required: true }),
  };

  async run(): Promise<StatePushResult> {
    const { flags, args } = await this.parse(StatePush);
    const env = process.env;
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    try {
      const text = await readFile(resolve(process.cwd(), args.file), 'utf8');
      const state = createStateCodec({ keys: readStateKeys(env) }).decode(text, {
        where: args.file,
        stack,
      });
      const version = this.config.version;
      const written = await pushState({
        backend,
        state,
        force: flags.force,
        timeoutMs: flags['lock-timeout'],
        version,
      });
      const warn = await logActivity({
        backend,
        env,
        now: new Date(),
        entry: {
          stack,
          command: 'state push',
          summary: `pushed ${args.file} as serial ${written.serial}`,
          resources: [],
          txHashes: [],
          serial: written.serial,
        },
      });
      if (warn !== null) this.printDiagnostics([warn]);
      if (!this.jsonEnabled())
        this.log(`Pushed ${args.file} to ${backend.location} as serial ${written.serial}.`);
      return {
        stack,
        location: backend.location,
        serial: written.serial,
        lineage: written.lineage,
      };
    } finally {
      await backend.close?.();
    }
  }
}
