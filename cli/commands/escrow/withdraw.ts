import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { networkFlags } from '../../flags.js';
import type { EscrowChangeResponse } from '../../provider-api.js';
import { withWalletSession } from '../../engine/with-wallet-session.js';

/** `escrow withdraw --json`: the amount, the transactions and the escrow after. */
export type EscrowWithdrawResult = EscrowChangeResponse;

export default class EscrowWithdraw extends LeaseholdCommand {
  static override summary = 'Withdraw unlocked escrow back to the wallet.';
  static override description =
    'Withdraws AMOUNT whole tokens (exact decimal) of unlocked escrow. Locked escrow stays with running leases; asking for more than is unlocked fails with both amounts in tokens.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 10 --token USDT',
    '<%= config.bin %> <%= command.id %> 2.5 --token uSPON --network spheron-testnet --json',
  ];
  static override args = {
    amount: Args.string({
      ignoreStdin: true,
      description: 'Whole tokens, exact decimal.',
      required: true,
    }),
  };
  static override flags = {
    ...networkFlags,
    token: Flags.string({ summary: 'Token symbol.', default: 'uSPON', helpValue: 'SYM' }),
    keystore: Flags.string({ summary: 'Keystore file to sign with.', helpValue: 'PATH' }),
  };

  async run(): Promise<EscrowWithdrawResult> {
    const { args, flags } = await this.parse(EscrowWithdraw);
    const opts = { network: flags.network, keystore: flags.keystore, signer: 'sign' as const };
    const change = { operation: 'withdraw' as const, token: flags.token, amount: args.amount };
    const res = await withWalletSession(opts, (session) => session.escrowChange(change));
    if (!this.jsonEnabled()) {
      const b = res.balance;
      this.log(`Withdrew ${res.amount.formatted} ${res.amount.symbol}.`);
      this.log(
        `Escrow: ${b.unlocked.formatted} unlocked, ${b.locked.formatted} locked ${b.symbol}`,
      );
    }
    return res;
  }
}
