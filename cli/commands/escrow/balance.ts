import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { networkFlags } from '../../flags.js';
import { passwordPrompt } from '../../prompt-password.js';
import type { EscrowBalanceView } from '../../provider-api.js';
import { loadProvider } from '../../providers.js';

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
    const provider = await loadProvider();
    const session = await provider.connectWallet({
      network: flags.network ?? { name: 'local' },
      signer: 'address',
      cwd: process.cwd(),
      env: flags.keystore ? { ...process.env, LEASEHOLD_KEYSTORE: flags.keystore } : process.env,
      log: (line) => process.stderr.write(`${line}\n`),
      promptPassword: passwordPrompt(),
    });
    try {
      const balances = await session.escrowBalances();
      if (!this.jsonEnabled()) {
        this.log(`Escrow of ${session.tenant} on ${session.network.name}`);
        for (const b of balances)
          this.log(`  ${b.symbol}: ${b.unlocked.formatted} unlocked, ${b.locked.formatted} locked`);
      }
      return { address: session.tenant, network: session.network.name, balances };
    } finally {
      await session.close();
    }
  }
}
