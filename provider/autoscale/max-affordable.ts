import { formatTokenAmount } from '../../common/units/index.js';
import type { InstanceModel } from '../spec/model-types.js';

/** Options of {@link maxAffordableReplicas}. */
export interface MaxAffordableInput {
  /** The whole model the core passed (a StackModel behind its ModelView type). */
  readonly model: unknown;
  /** The scaled instance's address. */
  readonly address: string;
  /** Live replicas per instance address. */
  readonly live: ReadonlyMap<string, number>;
  /** Decimals of the budget's token, for the label; null prints base units. */
  readonly decimals: number | null;
}

/**
 * The most replicas of `address` the stack budget pays for (pure): the budget per hour, minus the
 * other instances' live replicas at their max price, over this instance's max price per replica.
 * Max prices, because that is what a scaled lease may cost and what plan's budget check counts.
 * Null when there is no budget, or the instance pays in another token.
 */
export function maxAffordableReplicas(input: MaxAffordableInput): {
  readonly maxReplicasAffordable: number | null;
  readonly label?: string | undefined;
} {
  const budget = readBudget(input.model);
  const instances = readInstances(input.model);
  const self = instances.get(input.address);
  if (budget === null || self === undefined || self.pricing.token !== budget.token)
    return { maxReplicasAffordable: null };
  let left = BigInt(budget.amount);
  for (const [address, inst] of instances) {
    if (address === input.address || inst.pricing.token !== budget.token) continue;
    left -= BigInt(inst.pricing.amount) * BigInt(input.live.get(address) ?? inst.count);
  }
  const each = BigInt(self.pricing.amount);
  const max = each <= 0n ? null : left <= 0n ? 0 : Number(left / each);
  const amount =
    input.decimals === null
      ? `${budget.amount} base units`
      : formatTokenAmount(BigInt(budget.amount), input.decimals);
  return { maxReplicasAffordable: max, label: `max ${amount} ${budget.token}/h` };
}

function readBudget(model: unknown): { token: string; amount: string } | null {
  const budget = field(model, 'budget');
  const max = field(budget, 'maxPerHour');
  const token = field(max, 'token');
  const amount = field(max, 'amount');
  return typeof token === 'string' && typeof amount === 'string' ? { token, amount } : null;
}

function readInstances(model: unknown): Map<string, InstanceModel> {
  const list = field(model, 'resources');
  const out = new Map<string, InstanceModel>();
  for (const r of Array.isArray(list) ? list : []) {
    const address = field(r, 'address');
    if (field(r, 'type') === 'instance' && typeof address === 'string')
      out.set(address, field(r, 'attributes') as InstanceModel);
  }
  return out;
}

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}
