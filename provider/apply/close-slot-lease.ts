/**
 * Closes one lease of a slot: journalled, `LeaseAlreadyTerminated` counts as
 * done, and the escrow it released is reported (unlocked after − before, in the lease's token).
 */
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { findToken } from '../cost/find-token.js';
import type { ApplyDeps } from './slot-context.js';

/** Inputs of {@link closeSlotLease}. */
export interface CloseSlotLeaseInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly record: LeaseRecord;
}

/** Closes the lease of `record` and emits `lease-closed`. */
export async function closeSlotLease(input: CloseSlotLeaseInput): Promise<void> {
  const { deps, req, record } = input;
  const leaseId = record.leaseId ?? record.orderId;
  const m = deps.marketplace;
  const handle = await req.journal({
    operation: 'close-lease',
    address: req.change.resource,
    key: record.key,
    orderId: leaseId,
    txHash: null,
  });
  const unlocked = async (): Promise<bigint | null> =>
    m.escrowBalance(deps.tenant, record.token).then(
      (b) => b.unlocked,
      () => null,
    );
  const before = await unlocked();
  await m.closeLease(BigInt(leaseId));
  const after = await unlocked();
  await handle.clear();
  req.emit({
    type: 'lease-closed',
    address: req.change.address,
    at: deps.now().toISOString(),
    leaseId,
    released:
      before === null || after === null || after < before ? null : (after - before).toString(),
    ...tokenOf(deps, record.token),
  });
}

/** The lease token's symbol and decimals, so people read whole tokens; {} when unlisted. */
export function tokenOf(
  deps: ApplyDeps,
  address: string,
): { token?: string | undefined; decimals?: number | undefined } {
  const token = findToken(deps.network, address);
  return token === null ? {} : { token: token.symbol, decimals: token.decimals };
}
