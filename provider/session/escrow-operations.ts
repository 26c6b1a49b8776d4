/** Wallet and escrow operations of a session: balances, deposit (approve + deposit), withdraw. */
import { LeaseholdError } from '../../cli/diag/index.js';
import type {
  EscrowBalanceView,
  EscrowChangeResponse,
  TokenAmountView,
  WalletBalanceResponse,
} from '../../cli/provider-api.js';
import { findToken } from '../marketplace/find-token.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { NetworkToken } from '../network/network-types.js';
import { formatTokenAmount } from '../../common/units/format-token-amount.js';
import { parseTokenAmount } from '../../common/units/parse-token-amount.js';

/** A token amount for output: exact base units and whole tokens. */
export function amountView(
  token: { symbol: string; decimals: number },
  base: bigint,
): TokenAmountView {
  return {
    symbol: token.symbol,
    decimals: token.decimals,
    base: base.toString(),
    formatted: formatTokenAmount(base, token.decimals),
  };
}

/** Native and token balances of `owner`. */
export async function walletBalance(m: Marketplace, owner: string): Promise<WalletBalanceResponse> {
  const [native, ...tokens] = await Promise.all([
    m.nativeBalance(owner),
    ...m.network.tokens.map((t) => m.tokenBalance(owner, t.address)),
  ]);
  return {
    address: owner,
    network: m.network.name,
    native: amountView({ symbol: 'ETH', decimals: 18 }, native ?? 0n),
    tokens: m.network.tokens.map((t, i) => amountView(t, tokens[i] ?? 0n)),
  };
}

async function escrowOf(
  m: Marketplace,
  owner: string,
  t: NetworkToken,
): Promise<EscrowBalanceView> {
  const b = await m.escrowBalance(owner, t.address);
  return { symbol: t.symbol, locked: amountView(t, b.locked), unlocked: amountView(t, b.unlocked) };
}

/** Escrow of `owner` in every token of the network. */
export function escrowBalances(m: Marketplace, owner: string): Promise<EscrowBalanceView[]> {
  return Promise.all(m.network.tokens.map((t) => escrowOf(m, owner, t)));
}

/** Inputs of {@link escrowChange}. */
export interface EscrowChangeInput {
  readonly operation: 'deposit' | 'withdraw';
  readonly token: string;
  /** Whole tokens, exact decimal text. */
  readonly amount: string;
}

/** Deposits (approve, then deposit) or withdraws; the amount is converted exactly, never rounded. */
export async function escrowChange(
  m: Marketplace,
  owner: string,
  req: EscrowChangeInput,
): Promise<EscrowChangeResponse> {
  const token = findToken(m.network, req.token);
  const parsed = parseTokenAmount(req.amount, token.decimals);
  if (!parsed.ok || parsed.value === 0n) {
    throw new LeaseholdError({
      code: 'escrow/invalid-amount',
      summary: 'Escrow amount is not valid',
      detail: `"${req.amount}" is not a positive amount of ${token.symbol}: ${parsed.ok ? 'it is zero' : parsed.problem}.`,
      hint: `Give a positive decimal amount with at most ${token.decimals} decimal places, such as 10 or 2.5.`,
    });
  }
  const txHashes: string[] = [];
  if (req.operation === 'deposit') {
    txHashes.push((await m.approve(token.address, parsed.value)).txHash);
    txHashes.push((await m.deposit(token.address, parsed.value)).txHash);
  } else {
    txHashes.push((await m.withdraw(token.address, parsed.value)).txHash);
  }
  return {
    operation: req.operation,
    amount: amountView(token, parsed.value),
    txHashes,
    balance: await escrowOf(m, owner, token),
  };
}
