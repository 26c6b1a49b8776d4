import { Args } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { loadDevnet } from '../../devnet.js';
import type { FaultReport } from '../../../devnet/index.js';

/** `devnet fault --json`: the fault applied and the provider it landed on. */
export type DevnetFaultResult = FaultReport;

export default class DevnetFault extends LeaseholdCommand {
  static override summary = 'Inject a fault into a devnet provider or lease, or clear faults.';
  static override description =
    'TARGET is provider-N (1-5), a provider name, or lease:<id> (the fault lands on that lease at its provider). KIND is unhealthy (health path answers 500), slow, crash (replicas restart), offline (the provider API is down), no-bid, reject-manifest, or clear.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> provider-2 offline',
    '<%= config.bin %> <%= command.id %> lease:3 unhealthy',
    '<%= config.bin %> <%= command.id %> provider-2 clear --json',
  ];
  static override args = {
    target: Args.string({
      ignoreStdin: true,
      description: 'provider-N, a provider name, or lease:<id>.',
      required: true,
    }),
    kind: Args.string({
      ignoreStdin: true,
      description: 'unhealthy | slow | crash | offline | no-bid | reject-manifest | clear',
      required: true,
    }),
  };

  async run(): Promise<DevnetFaultResult> {
    const { args } = await this.parse(DevnetFault);
    const devnet = await loadDevnet();
    const res = await devnet.injectFault({ target: args.target, kind: args.kind });
    if (!this.jsonEnabled()) {
      const on =
        res.leaseId === undefined ? res.provider : `lease ${res.leaseId} at ${res.provider}`;
      this.log(
        res.kind === 'clear'
          ? `Faults cleared on ${res.provider}.`
          : `Fault ${res.kind} injected on ${on}.`,
      );
    }
    return res;
  }
}
