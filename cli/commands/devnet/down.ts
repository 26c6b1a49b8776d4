import { LeaseholdCommand } from '../../base-command.js';
import { loadDevnet } from '../../devnet.js';
import type { StopDevnetResult } from '../../../devnet/index.js';

/** `devnet down --json`. */
export type DevnetDownResult = StopDevnetResult;

export default class DevnetDown extends LeaseholdCommand {
  static override summary =
    'Stop the local devnet, keeping its chain and workloads for the next up.';
  static override description =
    'Asks the devnet supervisor to stop the providers, the matcher and anvil (which saves the chain state), and waits until it has exited. The next `devnet up` restores the chain and the running workloads. Does nothing when the devnet is not running.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json',
  ];

  async run(): Promise<DevnetDownResult> {
    await this.parse(DevnetDown);
    const devnet = await loadDevnet();
    const res = await devnet.stopDevnet();
    if (!this.jsonEnabled())
      this.log(
        res.wasRunning ? `Local devnet stopped (pid ${res.pid}).` : 'Local devnet was not running.',
      );
    return res;
  }
}
