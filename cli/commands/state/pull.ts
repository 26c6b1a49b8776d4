import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { LeaseholdError } from '../../diag/index.js';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { openStateBackend } from '../../state/index.js';
import type { StackState } from '../../state/index.js';

export interface StatePullResult {
  readonly stack: string;
  readonly location: string;
  readonly serial: number;
  readonly out: string | null;
}

export default class StatePull extends LeaseholdCommand {
  static override summary = 'Print the current state (or a past version) as JSON, decrypted.';
  static override description =
    'Writes the state to stdout, or to --out FILE. With --serial N, a stored version (see `state history`). Encrypted states are decrypted with LEASEHOLD_STATE_PASSPHRASE: keep the output safe.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> > shop.state.json',
    '<%= config.bin %> <%= command.id %> --serial 41 --out before.json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    serial: Flags.integer({ summary: 'A stored version instead of the current state.', min: 0 }),
    out: Flags.string({ summary: 'Write to this file instead of stdout.', helpValue: 'FILE' }),
  };

  async run(): Promise<StatePullResult> {
    const { flags } = await this.parse(StatePull);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    let state: StackState | null;
    try {
      state =
        flags.serial === undefined
          ? await backend.read()
          : ((await backend.readVersion?.(flags.serial)) ?? null);
    } finally {
      await backend.close?.();
    }
    if (state === null)
      throw new LeaseholdError({
        code: 'state/version-not-found',
        summary: flags.serial === undefined ? 'No state to pull' : 'That version is not kept',
        detail: `${backend.location} has ${flags.serial === undefined ? 'no state' : `no version with serial ${flags.serial}`}.`,
        hint: 'Run `leasehold state history` to see the stored versions.',
      });
    const text = JSON.stringify(state, null, 2) + '\n';
    if (flags.out !== undefined) await writeFile(flags.out, text, { mode: 0o600 });
    else if (!this.jsonEnabled()) process.stdout.write(text);
    return { stack, location: backend.location, serial: state.serial, out: flags.out ?? null };
  }
}
