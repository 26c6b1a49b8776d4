import { LeaseholdError } from '../../diag/index.js';
import { LeaseholdCommand } from '../../base-command.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { openStateBackend } from '../../state/index.js';
import { withStateLock } from '../../state/with-state-lock.js';

export interface StateDecryptResult {
  readonly stack: string;
  readonly location: string;
  readonly serial: number;
}

export default class StateDecrypt extends LeaseholdCommand {
  static override summary =
    'Store the state in plain text again (the only way back from encryption).';
  static override description =
    'Reads the state with LEASEHOLD_STATE_PASSPHRASE (or the _PREVIOUS key) and writes it back unencrypted, under the lock, as a new serial. Unset the passphrase afterwards, or the next write encrypts it again.';
  static override examples = ['LEASEHOLD_STATE_PASSPHRASE=… <%= config.bin %> <%= command.id %>'];
  static override flags = { ...stackFlags, ...stateFlags };

  async run(): Promise<StateDecryptResult> {
    const { flags } = await this.parse(StateDecrypt);
    const { backend, stack } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
      writePlain: true,
    });
    try {
      const lock = {
        backend,
        lock: flags.lock,
        timeoutMs: flags['lock-timeout'],
        operation: 'state decrypt',
        version: this.config.version,
      };
      const serial = await withStateLock(lock, async () => {
        const state = await backend.read();
        if (state === null)
          throw new LeaseholdError({
            code: 'state/version-not-found',
            summary: 'No state to decrypt',
            detail: `${backend.location} has no state.`,
            hint: 'Check -f / --state and the backend.',
          });
        await backend.write({ ...state, serial: state.serial + 1 });
        return state.serial + 1;
      });
      if (!this.jsonEnabled())
        this.log(`Wrote ${backend.location} in plain text as serial ${serial}.`);
      return { stack, location: backend.location, serial };
    } finally {
      await backend.close?.();
    }
  }
}
