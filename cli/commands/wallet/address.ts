import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import type { WalletResponse } from '../../provider-api.js';
import { loadProvider } from '../../providers.js';

/** `wallet address --json`: the address and where its key comes from. */
export type WalletAddressResult = WalletResponse;

export default class WalletAddress extends LeaseholdCommand {
  static override summary = 'Print the address of the wallet Leasehold would sign with.';
  static override description =
    "The wallet is LEASEHOLD_PRIVATE_KEY, else the keystore (--keystore, LEASEHOLD_KEYSTORE or $LEASEHOLD_HOME/wallets/default.json), else on the local devnet its public development wallet. Reads a keystore's address without its password and contacts no network.";
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --keystore ci.json --json',
  ];
  static override flags = {
    keystore: Flags.string({ summary: 'Keystore file to read.', helpValue: 'PATH' }),
    network: Flags.string({
      summary: 'Network name (decides whether the devnet wallet applies).',
      helpValue: 'NAME',
    }),
  };

  async run(): Promise<WalletAddressResult> {
    const { flags } = await this.parse(WalletAddress);
    const provider = await loadProvider();
    const res = await provider.wallet({
      operation: 'address',
      keystore: flags.keystore,
      network: flags.network,
      env: process.env,
    });
    if (!this.jsonEnabled()) this.log(res.address);
    return res;
  }
}
