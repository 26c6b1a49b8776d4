import type { BlockTime, BlockTimeSource, CostSummary, PlanNetwork } from '../plan/plan-types.js';
import { formatTokenAmount } from '../../common/index.js';

/**
 * The cost block, one group per token, in whole tokens formatted exactly, each number labelled
 * with what it is: per hour now (accepted prices), after this plan at accepted prices (new
 * prices are known only after apply), the ceiling at max prices, escrow to lock, what is
 * available and the runway it buys, and the stack budget.
 */
export function renderPlanCost(cost: readonly CostSummary[]): string[] {
  const lines: string[] = [];
  for (const c of cost) {
    const fmt = (amount: string): string =>
      `${formatTokenAmount(BigInt(amount), c.decimals)} ${c.token}`;
    const rows: [string, string][] = [
      ['Now', `${fmt(c.perHourBefore)}/h (accepted prices)`],
      ...afterRows(c, fmt),
      ['Escrow to lock', `${fmt(c.escrowToLock)} (at max prices for the lease duration)`],
    ];
    if (c.escrowAvailable !== null) {
      const runway = c.runwayHours === null ? '' : ` (runway ${formatHours(c.runwayHours)})`;
      rows.push(['Escrow available', `${fmt(c.escrowAvailable)}${runway}`]);
    }
    if (c.budgetPerHour !== null) rows.push(['Budget', `${fmt(c.budgetPerHour)}/h`]);
    const width = Math.max(...rows.map(([k]) => k.length)) + 1;
    lines.push(`Cost (${c.token}):`, ...rows.map(([k, v]) => `  ${`${k}:`.padEnd(width)} ${v}`));
  }
  return lines;
}

// Plans saved before the split have only `perHourAfter`, which mixes accepted and max prices.
function afterRows(c: CostSummary, fmt: (amount: string) => string): [string, string][] {
  if (c.perHourAccepted === undefined || c.perHourCeiling === undefined)
    return [['After this plan', `${fmt(c.perHourAfter)}/h (at most)`]];
  const unpriced = c.unpricedSlots ?? 0;
  const pending =
    unpriced === 0 ? '' : ` + ${unpriced} new price${unpriced === 1 ? '' : 's'} known after apply`;
  const accepted =
    unpriced > 0 && c.perHourAccepted === '0'
      ? `known after apply (${unpriced} new lease price${unpriced === 1 ? '' : 's'})`
      : `${fmt(c.perHourAccepted)}/h at accepted prices${pending}`;
  return [
    ['After this plan', accepted],
    ['Ceiling', `${fmt(c.perHourCeiling)}/h (max prices)`],
  ];
}

/** Hours with one decimal, or days beyond two days, for a glanceable runway. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return 'unlimited';
  if (hours >= 48) return `${(hours / 24).toFixed(1)} days`;
  return `${hours.toFixed(1)} hours`;
}

const BLOCK_TIME_ORIGIN: Readonly<Record<BlockTimeSource, string>> = {
  spec: 'from the spec',
  'address-book': 'from the address book',
  measured: 'measured from recent blocks',
  profile: "the network's",
  devnet: "the devnet's",
};

/**
 * The network line under the cost, which the block time converts (hours ↔ blocks):
 * `Network: base-fork (chain 8453), 12 s blocks (from the spec)`. Null for plans saved without it.
 */
export function renderPlanNetwork(network: PlanNetwork): string | null {
  const bt = network.blockTime;
  if (bt === undefined) return null;
  return `Network: ${network.name} (chain ${network.chainId}), ${formatBlockTime(bt)} blocks (${BLOCK_TIME_ORIGIN[bt.source]})`;
}

/** A block time for people: `2 s`, `0.5 s`, `12 s`, `250 ms`. */
export function formatBlockTime(bt: BlockTime): string {
  return bt.ms < 500 ? `${bt.ms} ms` : `${bt.ms / 1000} s`;
}
