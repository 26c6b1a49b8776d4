import type { ContractName } from '../../wire/artifacts.js';

/** One contract creation in a devnet deployment; `args` are resolved against predicted addresses. */
export interface PlannedDeploy {
  readonly key: string;
  readonly contract: ContractName;
  readonly args: readonly unknown[];
}

/** The devnet's payment tokens: symbol and ERC-20 name (all 6 decimals). */
export const DEVNET_TOKENS: readonly { readonly symbol: string; readonly name: string }[] = [
  { symbol: 'USDT', name: 'Tether USD Test Token' },
  { symbol: 'USDC', name: 'USD Coin Test Token' },
  { symbol: 'uSPON', name: 'Spheron Test Token' },
];

/** Order duration bounds (blocks): 1 block up to a year of 1 s blocks. */
export const MIN_BLOCKS = 1n;
/** Upper order duration bound in blocks. */
export const MAX_BLOCKS = 31_536_000n;
/** Minimum escrow deposit in base units: 1 token at 6 decimals (mainnet: 1 uSPON). */
export const MIN_DEPOSIT = 1_000_000n;
/** Tokens minted to the development wallet, per token, in base units (1,000,000 tokens). */
export const DEV_WALLET_MINT = 1_000_000n * 10n ** 6n;

/** Options of {@link planDeployment}. */
export interface PlanDeploymentInput {
  /** Address each planned key will get (CREATE address from the deployer's nonce). */
  readonly at: (key: string) => string;
  readonly admin: string;
  readonly matcher: string;
}

/**
 * The deployment in creation order. Every constructor only stores addresses, so all of them can be
 * sent at once with predicted addresses and land in one block (the cold-start budget is 5 s).
 */
export function planDeployment(input: PlanDeploymentInput): PlannedDeploy[] {
  const { at } = input;
  const tokens = DEVNET_TOKENS.map((t) => ({
    key: t.symbol,
    contract: 'TestToken' as const,
    args: [t.name, t.symbol, 0n],
  }));
  const protocol = [at('OrderRequest'), at('ComputeLease'), at('Bid')];
  return [
    {
      key: 'AccessControlManager',
      contract: 'AccessControlManager',
      args: [input.admin, protocol, input.matcher],
    },
    ...tokens,
    {
      key: 'TokenRegistry',
      contract: 'TokenRegistry',
      args: [at('AccessControlManager'), tokens.map((t) => at(t.key))],
    },
    {
      key: 'EscrowUser',
      contract: 'EscrowUser',
      args: [at('TokenRegistry'), at('AccessControlManager'), MIN_DEPOSIT],
    },
    {
      key: 'ProviderRegistry',
      contract: 'ProviderRegistry',
      args: [at('TokenRegistry'), at('AccessControlManager')],
    },
    {
      key: 'OrderRequest',
      contract: 'OrderRequest',
      args: [
        at('EscrowUser'),
        at('TokenRegistry'),
        at('AccessControlManager'),
        MAX_BLOCKS,
        MIN_BLOCKS,
      ],
    },
    {
      key: 'ComputeLease',
      contract: 'ComputeLease',
      args: [at('OrderRequest'), at('EscrowUser'), at('TokenRegistry'), at('AccessControlManager')],
    },
    {
      key: 'Bid',
      contract: 'Bid',
      args: [
        at('ProviderRegistry'),
        ZERO_ADDRESS,
        at('OrderRequest'),
        at('ComputeLease'),
        at('AccessControlManager'),
      ],
    },
    { key: 'Multicall3', contract: 'Multicall3', args: [] },
  ];
}

/** The zero address (no fizz registry on the devnet). */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
