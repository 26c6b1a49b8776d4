import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { normalizeBooleanFlags, stackFlags, stateFlags } from '../../flags.js';
import { openStateBackend, rmStateAddress } from '../../state/index.js';
import type { RmStateAddressResult } from '../../state/index.js';

export type StateRmResult = RmStateAddressResult;

export default class StateRm extends LeaseholdCommand {
  static override summary = 'Forget a resource or lease slot, without touching the chain.';
  static override description =
    "Removes the address from the state under the state lock, bumps the serial and keeps the previous state as <state>.backup. The leases keep running and paying: close them with destroy first if that is what you want. A later refresh adopts them again, since they still carry this stack's tag.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 'instance.web[1]'",
    '<%= config.bin %> <%= command.id %> health_check.web -f examples/web.yaml',
    '<%= config.bin %> <%= command.id %> instance.web --lock-timeout 30s --json',
  ];
  static override flags = { ...stackFlags, ...stateFlags };
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      description: 'Resource or slot address.',
      required: true,
    }),
  };

  async run(): Promise<StateRmResult> {
    const { flags, args } = await this.parse(
      StateRm,
      normalizeBooleanFlags(this.argv, StateRm.flags),
    );
    const { backend } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
    });
    const result = await rmStateAddress({
      backend,
      address: args.address,
      lock: flags.lock,
      lockTimeoutMs: flags['lock-timeout'],
      version: this.config.version,
    });
    if (!this.jsonEnabled()) {
      for (const a of result.removed) this.log(`Removed ${a}`);
      this.log(
        `State serial ${result.serial}; the previous state is in ${result.backup}. Nothing was changed on chain: the leases still run until closed.`,
      );
    }
    return result;
  }
}
