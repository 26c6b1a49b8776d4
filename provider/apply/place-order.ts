/**
 * Sends the order of one slot, journalled: the intent is written first, the tx hash
 * once the transaction is signed and before it is broadcast, and the order id recorded as a
 * `planned` lease the moment the receipt names it — so a crash at any point leaves something
 * refresh resolves: a hash the node does not know was never sent, a pending one is waited for.
 */
import { createHash } from 'node:crypto';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import type { OrderDetails } from '../marketplace/marketplace-types.js';
import type { ApplyDeps, SlotSpec } from './slot-context.js';

/** Inputs of {@link placeOrder}. */
export interface PlaceOrderInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly spec: SlotSpec;
  readonly details: OrderDetails;
  /** Records kept after the new one (a replacement's old lease). */
  readonly keep: readonly LeaseRecord[];
}

/** The planned record and the block the order was created in. */
export interface PlaceOrderResult {
  readonly record: LeaseRecord;
  readonly blockNumber: number;
}

/** Journals, sends `createOrder`, records the planned lease, clears the journal entry. */
export async function placeOrder(input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const { req, spec, details, deps } = input;
  const handle = await req.journal({
    operation: 'create-order',
    address: req.change.resource,
    key: spec.slot.key,
    orderId: null,
    txHash: null,
  });
  const created = await deps.marketplace.createOrder(details, {
    onSigned: (txHash, nonce) => handle.update({ txHash, nonce }),
  });
  const orderId = created.orderId.toString();
  await handle.update({ orderId });
  req.emit({
    type: 'order-created',
    address: req.change.address,
    at: deps.now().toISOString(),
    orderId,
    txHash: created.txHash,
  });
  const record = plannedRecord(input, orderId);
  await req.recordLeases([record, ...input.keep]);
  await handle.clear();
  return { record, blockNumber: created.blockNumber };
}

/** The record of an order not matched yet. */
export function plannedRecord(
  input: Omit<PlaceOrderInput, 'keep' | 'req'>,
  orderId: string,
): LeaseRecord {
  const { details, spec } = input;
  return {
    key: spec.slot.key,
    status: 'planned',
    orderId,
    leaseId: null,
    provider: null,
    host: null,
    region: spec.slot.region,
    acceptedPrice: null,
    token: details.token.toLowerCase(),
    replicas: spec.slot.replicas,
    specHash: specHash(details.spec),
    manifestHash: null,
    startBlock: null,
    numOfBlocks: Number(details.numOfBlocks),
    endpoints: [],
    updatedAt: input.deps.now().toISOString(),
  };
}

/** `sha256:<hex>` of the order spec string, as refresh computes it. */
export function specHash(spec: string): string {
  return `sha256:${createHash('sha256').update(spec, 'utf8').digest('hex')}`;
}
