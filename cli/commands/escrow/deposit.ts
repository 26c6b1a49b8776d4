import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { networkFlags } from '../../flags.js';
import type { EscrowChangeResponse } from '../../provider-api.js';
import { withWalletSession } from '../../engine/with-wallet-session.js';

/** `escrow deposit --json`: the amount, the transactions and the escrow after. */
export type EscrowDepositResult = EscrowChangeResponse;

export default class EscrowDeposit extends LeaseholdCommand {
  static override summary = 'Deposit tokens from the wallet into escrow.';
  static override description =
    'Approves the escrow contract for exactly AMOUNT and deposits it. AMOUNT is whole tokens as an exact decimal (10, 2.5); more decimal places than the token has is an error, never rounded.';
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

  async run(): Promise<EscrowDepositResult> {
    const { args, flags } = await this.parse(EscrowDeposit);
    const opts = { network: flags.network, keystore: flags.keystore, signer: 'sign' as const };
    const change = { operation: 'deposit' as const, token: flags.token, amount: args.amount };
    const res = await withWalletSession(opts, (session) => session.escrowChange(change));
    if (!this.jsonEnabled()) {
      const b = res.balance;
      this.log(`Deposited ${res.amount.formatted} ${res.amount.symbol}.`);
      this.log(
        `Escrow: ${b.unlocked.formatted} unlocked, ${b.locked.formatted} locked ${b.symbol}`,
      );
    }
    return res;
  }
}
