import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { loadDevnet } from '../../devnet.js';
import type { FundAddressResult } from '../../../devnet/index.js';

/** `devnet fund --json`: balances after funding, base units as decimal strings. */
export type DevnetFundResult = FundAddressResult;

export default class DevnetFund extends LeaseholdCommand {
  static override summary = 'Give an address devnet ETH for gas and minted test tokens.';
  static override description =
    'Adds ETH to the address (10 by default) and, with --amount, mints that many whole test tokens (uSPON by default; USDT and USDC also exist). Starts the devnet when it is not running.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> 0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    '<%= config.bin %> <%= command.id %> 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --eth 2 --amount 500 --token USDT',
  ];
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      description: 'The 0x address to fund.',
      required: true,
    }),
  };
  static override flags = {
    eth: Flags.string({ summary: 'Whole ETH to add, decimal.', default: '10', helpValue: 'N' }),
    amount: Flags.string({ summary: 'Whole test tokens to mint, decimal.', helpValue: 'N' }),
    token: Flags.string({
      summary: 'Symbol of the token to mint.',
      default: 'uSPON',
      helpValue: 'SYM',
    }),
  };

  async run(): Promise<DevnetFundResult> {
    const { args, flags } = await this.parse(DevnetFund);
    const devnet = await loadDevnet();
    const info = await devnet.ensureDevnet({
      log: (line) => {
        if (!this.jsonEnabled()) this.logToStderr(line);
      },
    });
    const res = await devnet.fundAddress({ info, address: args.address, ...flags });
    if (!this.jsonEnabled()) {
      this.log(`${res.address}: ${res.eth.formatted} ETH`);
      if (res.token) this.log(`${res.address}: ${res.token.formatted} ${res.token.symbol}`);
    }
    return res;
  }
}
