/**
 * `ensureEscrow`: called once by the executor before any order, so parallel slots never race on
 * deposits. Every token's decision is made first; a shortfall anywhere fails with the exact amount
 * before a single transaction is sent.
 */
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../cli/diag/index.js';
import type { Change } from '../../cli/plan/plan-types.js';
import type { ApplyEvent, ModelView } from '../../cli/provider-api.js';
import { findToken } from '../marketplace/find-token.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { NetworkToken } from '../network/network-types.js';
import { formatTokenAmount } from '../spec/units/format-token-amount.js';
import { decideEscrowTopUp } from './decide-escrow-top-up.js';
import type { DecideEscrowTopUpResult } from './decide-escrow-top-up.js';

/** Inputs of {@link ensureEscrow}. */
export interface EnsureEscrowInput {
  readonly marketplace: Marketplace;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly model: ModelView | null;
  readonly changes: readonly Change[];
  readonly emit: (e: ApplyEvent) => void;
  readonly now: () => Date;
}

/** The stack budget's escrow settings, read from the StackModel behind the ModelView. */
interface EscrowBudget {
  readonly token: string;
  readonly topUp: bigint | null;
  readonly maxDeposit: bigint | null;
}

/** Sums per token what the plan locks; tops up within the budget or reports the shortfall. */
export async function ensureEscrow(
  input: EnsureEscrowInput,
): Promise<{ diagnostics: Diagnostics }> {
  const m = input.marketplace;
  const needs = lockPerToken(input.changes);
  const budget = readEscrowBudget(input.model);
  const decisions: { token: NetworkToken; decision: DecideEscrowTopUpResult }[] = [];
  for (const [symbol, need] of needs) {
    const token = findToken(m.network, symbol);
    const [escrow, wallet] = await Promise.all([
      m.escrowBalance(input.tenant, token.address),
      m.tokenBalance(input.tenant, token.address),
    ]);
    const own = budget !== null && findToken(m.network, budget.token).address === token.address;
    const decision = decideEscrowTopUp({
      ...need,
      ...escrow,
      wallet,
      topUp: own ? budget.topUp : null,
      maxDeposit: own ? budget.maxDeposit : null,
    });
    decisions.push({ token, decision });
  }
  const short = decisions.flatMap(({ token, decision }) =>
    decision.kind === 'short' ? [insufficient(token, decision)] : [],
  );
  if (short.length > 0) return { diagnostics: short };
  for (const { token, decision } of decisions) {
    if (decision.kind !== 'deposit') continue;
    await m.approve(token.address, decision.amount);
    const tx = await m.deposit(token.address, decision.amount);
    input.emit({
      type: 'escrow-deposit',
      address: `escrow.${token.symbol}`,
      at: input.now().toISOString(),
      token: token.symbol,
      amount: decision.amount.toString(),
      txHash: tx.txHash,
    });
  }
  return { diagnostics: [] };
}

/** Σ `cost.escrowToLock` per token symbol, updates apart (their old lock is released). */
export function lockPerToken(
  changes: readonly Change[],
): Map<string, { lockNew: bigint; lockUpdate: bigint }> {
  const out = new Map<string, { lockNew: bigint; lockUpdate: bigint }>();
  for (const c of changes) {
    if (c.cost === undefined || c.action === 'delete' || c.action === 'no-op') continue;
    const lock = BigInt(c.cost.escrowToLock);
    if (lock === 0n) continue;
    const t = out.get(c.cost.token) ?? { lockNew: 0n, lockUpdate: 0n };
    out.set(
      c.cost.token,
      c.action === 'update'
        ? { ...t, lockUpdate: t.lockUpdate + lock }
        : { ...t, lockNew: t.lockNew + lock },
    );
  }
  return out;
}

function insufficient(
  token: NetworkToken,
  d: Extract<DecideEscrowTopUpResult, { kind: 'short' }>,
): Diagnostic {
  const amount = `${formatTokenAmount(d.shortfall, token.decimals)} ${token.symbol}`;
  const why = {
    'no-top-up': 'and the stack budget sets no escrow top-up',
    ceiling: 'and topping up would take escrow above budget.escrow.maxDeposit',
    wallet: 'and the wallet does not hold enough to deposit it',
  }[d.why];
  return errorDiag({
    code: 'apply/insufficient-funds',
    summary: 'Escrow cannot cover the plan',
    detail: `The plan locks ${amount} more than the unlocked escrow holds, ${why}. No transaction was sent.`,
    hint:
      d.why === 'wallet'
        ? `Add at least ${amount} to the wallet, then run apply again.`
        : `Deposit at least ${amount} with \`leasehold escrow deposit ${formatTokenAmount(d.shortfall, token.decimals)} --token ${token.symbol}\`.`,
  });
}

function readEscrowBudget(model: unknown): EscrowBudget | null {
  const budget = field(model, 'budget');
  const max = field(budget, 'maxPerHour');
  const token = field(max, 'token');
  if (typeof token !== 'string') return null;
  const amount = (v: unknown): bigint | null => {
    const a = field(v, 'amount');
    return typeof a === 'string' ? BigInt(a) : null;
  };
  return {
    token,
    topUp: amount(field(budget, 'topUp')),
    maxDeposit: amount(field(budget, 'maxDeposit')),
  };
}

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && key in v
    ? (v as Record<string, unknown>)[key]
    : undefined;
}
