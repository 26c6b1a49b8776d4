import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { passwordPrompt, readStdin } from '../../prompt-password.js';
import type { WalletResponse } from '../../provider-api.js';
import { loadProvider } from '../../providers.js';

/** `wallet import --json`: the imported wallet's address and keystore path. */
export type WalletImportResult = WalletResponse;

export default class WalletImport extends LeaseholdCommand {
  static override summary = 'Import a private key into an encrypted keystore.';
  static override description =
    'Reads the key from stdin (piped) or LEASEHOLD_PRIVATE_KEY, or asks for it on the terminal — never from a flag, so it stays out of shell history and process lists — and writes it encrypted like `wallet create`.';
  static override examples = [
    'cat key.txt | <%= config.bin %> <%= command.id %>',
    'LEASEHOLD_PRIVATE_KEY=... LEASEHOLD_KEYSTORE_PASSWORD=... <%= config.bin %> <%= command.id %> --keystore ci.json',
  ];
  static override flags = {
    keystore: Flags.string({ summary: 'Keystore file to write.', helpValue: 'PATH' }),
  };

  async run(): Promise<WalletImportResult> {
    const { flags } = await this.parse(WalletImport);
    const prompt = passwordPrompt();
    const fromEnv = process.env['LEASEHOLD_PRIVATE_KEY'];
    const key =
      (fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined) ??
      (await readStdin()) ??
      (prompt === undefined ? undefined : await prompt('Private key (hex): '));
    const provider = await loadProvider();
    const res = await provider.wallet({
      operation: 'import',
      keystore: flags.keystore,
      privateKey: key?.trim() ?? '',
      env: process.env,
      promptPassword: prompt,
    });
    if (!this.jsonEnabled()) this.log(`Imported wallet ${res.address} into ${res.keystore ?? ''}`);
    return res;
  }
}
