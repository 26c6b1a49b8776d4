import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { openStateBackend } from '../../state/index.js';
import type { StateVersion } from '../../state/index.js';

export interface StateHistoryResult {
  readonly stack: string;
  readonly location: string;
  /** Newest first. */
  readonly versions: readonly StateVersion[];
}

export default class StateHistory extends LeaseholdCommand {
  static override summary =
    'List the stored versions of the state: serial, who, when, what changed.';
  static override description =
    'The pg backend keeps a version row per write (the last 100 by default); the local backend has the state and its backup. Any listed serial can be read back with `state pull --serial N`.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --limit 5 --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    limit: Flags.integer({
      summary: 'How many versions to list, newest first.',
      default: 20,
      min: 1,
    }),
  };

  async run(): Promise<StateHistoryResult> {
    const { flags } = await this.parse(StateHistory);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    try {
      const versions = (await backend.history?.(flags.limit)) ?? [];
      if (!this.jsonEnabled()) {
        if (versions.length === 0) this.log(`No state for stack ${stack} at ${backend.location}.`);
        for (const v of versions)
          this.log(
            `serial ${v.serial}  ${v.writtenAt}  ${v.writer}${v.encrypted ? '  (encrypted)' : ''}\n  ${v.summary}`,
          );
      }
      return { stack, location: backend.location, versions };
    } finally {
      await backend.close?.();
    }
  }
}
