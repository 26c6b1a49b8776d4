import { DEPLOYER } from '../../wire/dev-accounts.js';
import { devnetInvalidFunding, devnetUnknownToken } from './devnet-errors.js';
import type { DevnetInfo } from './devnet-info.js';

/** Options of {@link fundAddress}. */
export interface FundAddressOptions {
  readonly info: DevnetInfo;
  readonly address: string;
  /** Whole ETH to add for gas, decimal. @default "10" */
  readonly eth?: string | undefined;
  /** Whole tokens to mint, decimal; nothing is minted without it. */
  readonly amount?: string | undefined;
  /** Symbol of the token to mint. @default "uSPON" */
  readonly token?: string | undefined;
}

/** Balances after funding, in base units (decimal strings) and formatted. */
export interface FundAddressResult {
  readonly address: string;
  readonly eth: { readonly added: string; readonly balance: string; readonly formatted: string };
  readonly token?:
    | {
        readonly symbol: string;
        readonly added: string;
        readonly balance: string;
        readonly formatted: string;
      }
    | undefined;
}

/**
 * Funds an address on the devnet: ETH through anvil's `anvil_setBalance` (balance + eth) and test
 * tokens through their open `mint`, sent from the deployer account (a public anvil key).
 */
export async function fundAddress(opts: FundAddressOptions): Promise<FundAddressResult> {
  const ethers = await import('ethers');
  if (!ethers.isAddress(opts.address))
    throw devnetInvalidFunding(
      `"${opts.address}" is not an Ethereum address (0x and 40 hex digits).`,
    );
  const address = ethers.getAddress(opts.address);
  const book = opts.info.addressBook;
  const symbol = opts.token ?? 'uSPON';
  const token = book.tokens.find((t) => t.symbol.toLowerCase() === symbol.toLowerCase());
  if (opts.amount !== undefined && token === undefined)
    throw devnetUnknownToken(
      symbol,
      book.tokens.map((t) => t.symbol),
    );
  const eth = parsePositive(ethers.parseUnits, opts.eth ?? '10', 18, 'ETH amount');
  const minted =
    opts.amount === undefined || token === undefined
      ? null
      : parsePositive(ethers.parseUnits, opts.amount, token.decimals, 'Token amount');
  // No call cache: the balance is read before and after anvil_setBalance within milliseconds.
  const provider = new ethers.JsonRpcProvider(opts.info.rpcUrl, opts.info.chainId, {
    staticNetwork: true,
    cacheTimeout: -1,
  });
  // ethers waits for receipts at 4 s intervals by default; devnet blocks come every second or less.
  provider.pollingInterval = 100;
  try {
    const before = await provider.getBalance(address);
    await provider.send('anvil_setBalance', [address, ethers.toBeHex(before + eth)]);
    const ethBalance = await provider.getBalance(address);
    const formattedEth = ethers.formatUnits(ethBalance, 18);
    const result = {
      address,
      eth: { added: String(eth), balance: String(ethBalance), formatted: formattedEth },
    };
    if (minted === null || token === undefined) return result;
    const erc20 = new ethers.Contract(
      token.address,
      ['function mint(address,uint256)', 'function balanceOf(address) view returns (uint256)'],
      new ethers.Wallet(DEPLOYER.privateKey, provider),
    );
    const tx = (await erc20.getFunction('mint')(address, minted)) as {
      wait: () => Promise<unknown>;
    };
    await tx.wait();
    const balance = (await erc20.getFunction('balanceOf')(address)) as bigint;
    const formatted = ethers.formatUnits(balance, token.decimals);
    const added = String(minted);
    return {
      ...result,
      token: { symbol: token.symbol, added, balance: String(balance), formatted },
    };
  } finally {
    provider.destroy();
  }
}

function parsePositive(
  parseUnits: (text: string, decimals: number) => bigint,
  text: string,
  decimals: number,
  what: string,
): bigint {
  try {
    const v = parseUnits(text, decimals);
    if (v > 0n) return v;
  } catch {
    // Reported below with the rule.
  }
  throw devnetInvalidFunding(
    `${what} "${text}" must be a positive decimal with at most ${decimals} decimals.`,
  );
}
