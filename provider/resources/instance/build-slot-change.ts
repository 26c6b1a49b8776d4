import type { Change, CostDelta } from '../../../cli/plan/plan-types.js';
import type { LeaseRecord } from '../../../cli/state/state-types.js';
import type { DecideSlotChangeResult } from './decide-slot-change.js';
import {
  INSTANCE_SENSITIVE_PATHS,
  UNKNOWN_AFTER_CREATE,
  instanceSlotValue,
} from './instance-slot-value.js';
import { slotAddress } from './slot-address.js';

/** Options of {@link buildSlotChange}. */
export interface BuildSlotChangeInput {
  readonly resource: string;
  readonly name: string;
  readonly key: string;
  readonly decision: DecideSlotChangeResult;
  /** Attributes last applied (before) and wanted (after). */
  readonly priorAttributes: unknown;
  readonly desiredAttributes: unknown;
  readonly lease: LeaseRecord | null;
  /** Replicas the slot wants, null when it is deleted. */
  readonly replicas: number | null;
  /** Region the slot's order asks for (spread region). */
  readonly region: string | null;
  /** Providers the slot's next order must not go to (a replacement's exclusion). */
  readonly exclude?: readonly string[] | undefined;
  /** Secrets whose value the kept lease has not received (an update's `secretsChanged`). */
  readonly secretsChanged?: readonly string[] | undefined;
  readonly cost?: CostDelta | undefined;
}

/**
 * The Change of one instance slot. A kept lease (update, no-op) carries its id, provider and
 * endpoints into `after`; a new one (create, replace) has them unknown until apply.
 */
export function buildSlotChange(input: BuildSlotChangeInput): Change {
  const { action } = input.decision;
  const fresh = action === 'create' || action.includes('-then-');
  const before =
    input.lease === null
      ? null
      : instanceSlotValue(
          input.priorAttributes,
          {
            key: input.key,
            replicas: input.lease.replicas,
          },
          input.lease,
        );
  const after =
    input.replicas === null || action === 'delete'
      ? null
      : instanceSlotValue(
          input.desiredAttributes,
          { key: input.key, replicas: input.replicas },
          fresh ? null : input.lease,
        );
  return {
    address: slotAddress(input.resource, input.key),
    resource: input.resource,
    type: 'instance',
    name: input.name,
    key: input.key,
    action,
    before,
    after,
    afterUnknown: fresh ? UNKNOWN_AFTER_CREATE : [],
    sensitivePaths: INSTANCE_SENSITIVE_PATHS,
    ...(input.decision.reason === undefined ? {} : { reason: input.decision.reason }),
    ...(input.decision.replacePaths === undefined
      ? {}
      : { replacePaths: input.decision.replacePaths }),
    ...((input.secretsChanged ?? []).length === 0 ? {} : { secretsChanged: input.secretsChanged }),
    ...(input.cost === undefined ? {} : { cost: input.cost }),
    private: JSON.stringify({
      region: input.region,
      leaseId: input.lease?.leaseId ?? null,
      orderId: input.lease?.orderId ?? null,
      ...(fresh && (input.exclude ?? []).length > 0 ? { exclude: input.exclude } : {}),
    }),
  };
}
