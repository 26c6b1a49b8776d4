import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { networkFlags } from '../../flags.js';
import type { EscrowBalanceView } from '../../provider-api.js';
import { withWalletSession } from '../../engine/with-wallet-session.js';

/** `escrow balance --json`. */
export interface EscrowBalanceResult {
  readonly address: string;
  readonly network: string;
  readonly balances: readonly EscrowBalanceView[];
}

export default class EscrowBalance extends LeaseholdCommand {
  static override summary = "Show the wallet's escrow: locked and unlocked, per token.";
  static override description =
    'Unlocked escrow pays for new leases; locked escrow is held by running leases until they settle. Amounts are exact to the base unit.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --network spheron-mainnet --json',
  ];
  static override flags = {
    ...networkFlags,
    keystore: Flags.string({ summary: 'Keystore file to read.', helpValue: 'PATH' }),
  };

  async run(): Promise<EscrowBalanceResult> {
    const { flags } = await this.parse(EscrowBalance);
    const opts = { network: flags.network, keystore: flags.keystore, signer: 'address' as const };
    return withWalletSession(opts, async (session) => {
      const balances = await session.escrowBalances();
      if (!this.jsonEnabled()) {
        this.log(`Escrow of ${session.tenant} on ${session.network.name}`);
        for (const b of balances)
          this.log(`  ${b.symbol}: ${b.unlocked.formatted} unlocked, ${b.locked.formatted} locked`);
      }
      return { address: session.tenant, network: session.network.name, balances };
    });
  }
}
