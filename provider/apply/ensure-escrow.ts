/**
 * `ensureEscrow`: called once by the executor before any order, so parallel slots never race on
 * deposits. Every token's decision is made first; a shortfall anywhere fails with the exact amount
 * before a single transaction is sent. An in-place update counts only its own lease's unspent lock
 * (read from the chain), never the wallet's other locks.
 */
import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../cli/diag/index.js';
import type { Change } from '../../cli/plan/plan-types.js';
import type { ApplyEvent, ModelView } from '../../cli/provider-api.js';
import { findToken } from '../marketplace/find-token.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { NetworkToken } from '../network/network-types.js';
import { formatTokenAmount } from '../../common/units/format-token-amount.js';
import { decideEscrowTopUp } from './decide-escrow-top-up.js';
import type { DecideEscrowTopUpResult } from './decide-escrow-top-up.js';
import { readUpdateCredits } from './read-update-credits.js';

/** Inputs of {@link ensureEscrow}. */
export interface EnsureEscrowInput {
  readonly marketplace: Marketplace;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly model: ModelView | null;
  readonly changes: readonly Change[];
  readonly emit: (e: ApplyEvent) => void;
  readonly now: () => Date;
  /** Apply's waits: an update may land up to `matchMs + manifestMs` from now. */
  readonly timeouts: { readonly matchMs: number; readonly manifestMs: number };
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
  const credits = await readUpdateCredits({
    marketplace: m,
    tenant: input.tenant,
    leaseIds: [...needs.values()].flatMap((n) => n.updates.flatMap((u) => u.leaseId ?? [])),
    landsWithinMs: input.timeouts.matchMs + input.timeouts.manifestMs,
  });
  const decisions: { token: NetworkToken; decision: DecideEscrowTopUpResult; updates: boolean }[] =
    [];
  for (const [symbol, need] of needs) {
    const token = findToken(m.network, symbol);
    const [escrow, wallet] = await Promise.all([
      m.escrowBalance(input.tenant, token.address),
      m.tokenBalance(input.tenant, token.address),
    ]);
    const own = budget !== null && findToken(m.network, budget.token).address === token.address;
    const updates = need.updates.map((u) => ({
      lock: u.lock,
      credit: u.leaseId === null ? 0n : (credits.get(u.leaseId.toString()) ?? 0n),
    }));
    const decision = decideEscrowTopUp({
      lockNew: need.lockNew,
      updates,
      ...escrow,
      wallet,
      topUp: own ? budget.topUp : null,
      maxDeposit: own ? budget.maxDeposit : null,
    });
    decisions.push({ token, decision, updates: updates.length > 0 });
  }
  const short = decisions.flatMap(({ token, decision, updates }) =>
    decision.kind === 'short' ? [insufficient(token, decision, updates)] : [],
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
      decimals: token.decimals,
    });
  }
  return { diagnostics: [] };
}

/** What one token's changes lock: Σ for creates and replacements, and each in-place update. */
export interface TokenLocks {
  readonly lockNew: bigint;
  /** The update's new lock, and its lease (from the change's private data; null if unknown). */
  readonly updates: readonly { readonly lock: bigint; readonly leaseId: bigint | null }[];
}

/** `cost.escrowToLock` per token symbol: creates and replacements summed, updates one by one. */
export function lockPerToken(changes: readonly Change[]): Map<string, TokenLocks> {
  const out = new Map<string, TokenLocks>();
  for (const c of changes) {
    if (c.cost === undefined || c.action === 'delete' || c.action === 'no-op') continue;
    const lock = BigInt(c.cost.escrowToLock);
    if (lock === 0n) continue;
    const t = out.get(c.cost.token) ?? { lockNew: 0n, updates: [] };
    out.set(
      c.cost.token,
      c.action === 'update'
        ? { ...t, updates: [...t.updates, { lock, leaseId: leaseIdOf(c.private) }] }
        : { ...t, lockNew: t.lockNew + lock },
    );
  }
  return out;
}

/** The lease an update changes, from the `private` data the planner wrote. */
function leaseIdOf(priv: string | undefined): bigint | null {
  try {
    const v = JSON.parse(priv ?? 'null') as { leaseId?: unknown } | null;
    return typeof v?.leaseId === 'string' && /^\d+$/.test(v.leaseId) ? BigInt(v.leaseId) : null;
  } catch {
    return null;
  }
}

function insufficient(
  token: NetworkToken,
  d: Extract<DecideEscrowTopUpResult, { kind: 'short' }>,
  updates: boolean,
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
    detail:
      `The plan locks ${amount} more than the unlocked escrow holds` +
      (updates
        ? " (an in-place update counts only its own lease's unspent lock, which the chain releases for it)"
        : '') +
      `, ${why}. No transaction was sent.`,
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
