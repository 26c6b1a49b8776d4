import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { passwordPrompt } from '../../prompt-password.js';
import type { WalletResponse } from '../../provider-api.js';
import { loadProvider } from '../../providers.js';

/** `wallet create --json`: the new wallet's address and keystore path. */
export type WalletCreateResult = WalletResponse;

export default class WalletCreate extends LeaseholdCommand {
  static override summary = 'Create a new wallet in an encrypted keystore.';
  static override description =
    'Generates a random key and writes it encrypted (scrypt, ethers JSON keystore v3) to $LEASEHOLD_HOME/wallets/default.json, or --keystore, readable by you only. Never overwrites an existing keystore. The password comes from LEASEHOLD_KEYSTORE_PASSWORD or is asked on the terminal.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    'LEASEHOLD_KEYSTORE_PASSWORD=... <%= config.bin %> <%= command.id %> --keystore ci-wallet.json --json',
  ];
  static override flags = {
    keystore: Flags.string({ summary: 'Keystore file to write.', helpValue: 'PATH' }),
  };

  async run(): Promise<WalletCreateResult> {
    const { flags } = await this.parse(WalletCreate);
    const provider = await loadProvider();
    const res = await provider.wallet({
      operation: 'create',
      keystore: flags.keystore,
      env: process.env,
      promptPassword: passwordPrompt(),
    });
    if (!this.jsonEnabled()) {
      this.log(`Created wallet ${res.address}`);
      this.log(
        `Keystore: ${res.keystore ?? ''} (back it up; without it and its password the funds are lost)`,
      );
    }
    return res;
  }
}
