import { LeaseholdCommand } from '../../base-command.js';
import { loadDevnet } from '../../devnet.js';
import type { DevnetStatus } from '../../../devnet/index.js';

/** `devnet status --json`: `running` false, or the providers, block number and active leases. */
export type DevnetStatusResult = DevnetStatus;

export default class DevnetStatusCommand extends LeaseholdCommand {
  static override summary = 'Show whether the local devnet runs, its providers, block and leases.';
  static override description =
    'Reads the running devnet through its control API: RPC URL, chain id, current block, each provider with its region, tier, address and active leases, and the orders still waiting for a match. Never starts the devnet.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json',
  ];

  async run(): Promise<DevnetStatusResult> {
    await this.parse(DevnetStatusCommand);
    const devnet = await loadDevnet();
    const status = await devnet.readDevnetStatus();
    if (!this.jsonEnabled()) this.log(devnet.renderDevnetStatus(status));
    return status;
  }
}
