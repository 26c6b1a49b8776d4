import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { LeaseholdError } from '../../diag/index.js';
import { loadDevnet } from '../../devnet.js';
import type { PublicDevnetInfo } from '../../../devnet/index.js';

/** `devnet up --json`: the devnet's public info, and whether this call started it. */
export type DevnetUpResult = PublicDevnetInfo & { readonly started: boolean };

export default class DevnetUp extends LeaseholdCommand {
  static override summary = 'Start the local devnet (anvil chain, contracts, matcher, providers).';
  static override description =
    'Starts one supervised background process that runs anvil, deploys the Spheron-compatible contracts on first start, and runs the matcher and the provider daemons on loopback. Waits until it is ready, then prints the RPC URL, the address book and the funded development wallet. Harmless when the devnet already runs. Data lives in $LEASEHOLD_HOME/devnet (default ~/.leasehold/devnet).';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --block-time 0.5 --port 0',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    'block-time': Flags.string({
      summary: 'Seconds per block (fractions allowed), or "auto" to mine on every transaction.',
      helpValue: 'SECONDS',
    }),
    port: Flags.integer({
      summary: 'RPC port of the chain on 127.0.0.1; 0 picks a free port.',
      min: 0,
      max: 65535,
    }),
  };

  async run(): Promise<DevnetUpResult> {
    const { flags } = await this.parse(DevnetUp);
    const blockTime = parseBlockTime(flags['block-time']);
    const devnet = await loadDevnet();
    const res = await devnet.startDevnet({
      log: (line) => {
        if (!this.jsonEnabled()) this.logToStderr(line);
      },
      blockTime,
      port: flags.port,
    });
    const info = devnet.toPublicDevnetInfo(res.info);
    if (!this.jsonEnabled()) this.log(devnet.renderDevnetInfo(info, res.started));
    return { ...info, started: res.started };
  }
}

function parseBlockTime(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'auto') return null;
  const n = Number(text);
  if (Number.isFinite(n) && n > 0) return n;
  throw new LeaseholdError({
    code: 'devnet/invalid-block-time',
    summary: 'Invalid block time',
    detail: `--block-time "${text}" is neither a positive number of seconds nor "auto".`,
    hint: 'Pass seconds such as 1 or 0.25, or "auto" for automine.',
  });
}
