import type { Action, CostDelta } from '../../../cli/plan/plan-types.js';
import type { LeaseRecord } from '../../../cli/state/state-types.js';
import { findToken } from '../../cost/find-token.js';
import { slotChangeCost } from '../../cost/slot-change-cost.js';
import type { ResolvedNetwork } from '../../network/network-types.js';
import type { InstanceModel } from '../../spec/model-types.js';
import type { PriorInstance } from './prior-instance.js';

/** Options of {@link instanceSlotCost}. */
export interface InstanceSlotCostInput {
  readonly action: Action;
  /** The instance as wanted, null when the slot is deleted. */
  readonly desired: InstanceModel | null;
  readonly replicas: number;
  readonly priorAttributes: PriorInstance | null;
  readonly lease: LeaseRecord | null;
  readonly network: ResolvedNetwork;
}

/**
 * The cost of one instance slot change, in the token it will be paid in (the desired one, else the
 * one it was paid in); undefined when that token is not on the network, which the spec validator
 * reports already.
 */
export function instanceSlotCost(input: InstanceSlotCostInput): CostDelta | undefined {
  const symbol =
    input.desired?.pricing.token ?? input.priorAttributes?.pricing?.token ?? input.lease?.token;
  if (symbol === undefined) return undefined;
  const token = findToken(input.network, symbol);
  if (token === null) return undefined;
  const accepted = input.lease?.acceptedPrice ?? null;
  return slotChangeCost({
    action: input.action,
    token: token.symbol,
    decimals: token.decimals,
    secondsPerBlock: input.network.secondsPerBlock,
    acceptedPrice: accepted === null ? null : BigInt(accepted),
    desired:
      input.desired === null
        ? null
        : {
            maxPerHour: BigInt(input.desired.pricing.amount),
            replicas: input.replicas,
            durationMs: input.desired.duration,
          },
  });
}
