import { LeaseholdCommand } from '../../base-command.js';
import { loadDevnet } from '../../devnet.js';
import type { ResetDevnetResult } from '../../../devnet/index.js';

/** `devnet reset --json`. */
export type DevnetResetResult = ResetDevnetResult;

export default class DevnetReset extends LeaseholdCommand {
  static override summary = 'Stop the local devnet and delete its data (chain, leases, logs).';
  static override description =
    'Runs `devnet down`, then deletes $LEASEHOLD_HOME/devnet: the chain state, the address book, the provider data and the log. The next `devnet up` deploys fresh contracts on an empty chain.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json',
  ];

  async run(): Promise<DevnetResetResult> {
    await this.parse(DevnetReset);
    const devnet = await loadDevnet();
    const res = await devnet.resetDevnet();
    if (!this.jsonEnabled()) this.log(`Local devnet reset: deleted ${res.removed}.`);
    return res;
  }
}
