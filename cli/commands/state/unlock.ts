import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { logActivity, openStateBackend } from '../../state/index.js';

export interface StateUnlockResult {
  readonly id: string;
  readonly unlocked: true;
  readonly location: string;
}

export default class StateUnlock extends LeaseholdCommand {
  static override summary = 'Remove a stale state lock by its id.';
  static override description =
    'Force-unlocks the state when the process that locked it is gone (crashed, killed, a lost CI runner). The LOCK_ID must match the current lock, as printed by the state/locked error, so an unrelated newer lock is never removed. Only use it when you are sure the holder no longer runs.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 0b6f0b64-59a4-4cd1-9d3c-6b4f0f5f8c2e',
    '<%= config.bin %> <%= command.id %> 0b6f0b64-59a4-4cd1-9d3c-6b4f0f5f8c2e -f examples/web.yaml --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
  };
  static override args = {
    lockId: Args.string({
      ignoreStdin: true,
      name: 'LOCK_ID',
      description: 'Id of the lock to remove.',
      required: true,
    }),
  };

  async run(): Promise<StateUnlockResult> {
    const { flags, args } = await this.parse(StateUnlock);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const held = await backend.readLock();
    try {
      await backend.forceUnlock(args.lockId);
      const warn = await logActivity({
        backend,
        env: process.env,
        now: new Date(),
        entry: {
          stack,
          command: 'state unlock',
          summary: `removed lock ${args.lockId}${held === null ? '' : ` held by ${held.who} for "${held.operation}" since ${held.created}`}`,
          resources: [],
          txHashes: [],
        },
      });
      if (warn !== null) this.printDiagnostics([warn]);
    } finally {
      await backend.close?.();
    }
    if (!this.jsonEnabled()) this.log(`Lock ${args.lockId} removed from ${backend.location}.`);
    return { id: args.lockId, unlocked: true, location: backend.location };
  }
}
