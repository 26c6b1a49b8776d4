import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { networkFlags } from '../../flags.js';
import type { WalletBalanceResponse } from '../../provider-api.js';
import { withWalletSession } from '../../engine/with-wallet-session.js';

/** `wallet balance --json`: native and token balances, base units and whole tokens. */
export type WalletBalanceResult = WalletBalanceResponse;

export default class WalletBalance extends LeaseholdCommand {
  static override summary = "Show the wallet's gas and token balances.";
  static override description =
    'Reads the native balance (for gas) and every payment token of the network, exact to the base unit. On the local network the devnet is started when it is not running.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --network spheron-testnet --json',
  ];
  static override flags = {
    ...networkFlags,
    keystore: Flags.string({ summary: 'Keystore file to read.', helpValue: 'PATH' }),
  };

  async run(): Promise<WalletBalanceResult> {
    const { flags } = await this.parse(WalletBalance);
    const opts = { network: flags.network, keystore: flags.keystore, signer: 'address' as const };
    const res = await withWalletSession(opts, (session) => session.walletBalance());
    if (!this.jsonEnabled()) {
      this.log(`${res.address} on ${res.network}`);
      for (const t of [res.native, ...res.tokens]) this.log(`  ${t.formatted} ${t.symbol}`);
    }
    return res;
  }
}
