/**
 * An in-place update (a new manifest on the same lease): `updateInitialOrder` with the wait for `UpdateRequestAccepted`
 * started at the block before sending, the new manifest, the wait for Bid `LeaseUpdated` on this
 * order id, then readiness. The lease id is kept; a refusal leaves the lease running as before.
 */
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest, JournalHandle } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { encodeOrder } from '../marketplace/encode-order.js';
import type { OrderDetails, WaitForMatchOptions } from '../marketplace/marketplace-types.js';
import { interruptedDiag, updateRefusedDiag } from './apply-diagnostics.js';
import { deliverManifest } from './deliver-manifest.js';
import { finishReady } from './finish-ready.js';
import { specHash } from './place-order.js';
import type { ApplyDeps, SlotSpec, StepResult } from './slot-context.js';

/** Inputs of {@link updateLease}. */
export interface UpdateLeaseInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly spec: SlotSpec;
  /** The live lease of the slot. */
  readonly record: LeaseRecord;
  /** Other records of the slot, kept after it. */
  readonly keep: readonly LeaseRecord[];
}

/** Updates the lease in place. */
export async function updateLease(input: UpdateLeaseInput): Promise<StepResult> {
  const { deps, req, spec, keep } = input;
  const m = deps.marketplace;
  const address = req.change.address;
  const leaseId = input.record.leaseId ?? input.record.orderId;
  const done = (r: LeaseRecord, d: StepResult['diagnostics']): StepResult => ({
    leases: [r, ...keep],
    diagnostics: d,
  });
  const details = encodeOrder({ ...spec, network: deps.network });
  const requested = await requestUpdate(input, details);
  if (requested.kind === 'failed') return done(input.record, [requested.diagnostic]);
  const { handle, wait } = requested;
  const sent = await deliverManifest({
    deps,
    req,
    spec,
    record: input.record,
    closeOnFailure: false,
  });
  if (sent.kind === 'failed') {
    await handle.clear();
    return done(input.record, [sent.diagnostic]);
  }
  const id = BigInt(leaseId);
  const updated = await m.waitForOrderEvent('LeaseUpdated', id, {
    ...wait,
    timeoutMs: req.timeouts.manifestMs,
  });
  await handle.clear();
  if (updated === null)
    return done(input.record, [
      updateRefusedDiag({ address, leaseId, timeoutMs: req.timeouts.manifestMs }),
    ]);
  req.emit({ type: 'lease-updated', address, at: deps.now().toISOString(), leaseId });
  const [lease] = await m.readLeases([id]);
  const record: LeaseRecord = {
    ...sent.record,
    acceptedPrice: (updated.acceptedPrice ?? lease?.acceptedPrice ?? 0n).toString(),
    startBlock: lease?.startBlock ?? input.record.startBlock,
    replicas: spec.slot.replicas,
    specHash: specHash(details.spec),
    numOfBlocks: Number(details.numOfBlocks),
  };
  await req.recordLeases([record, ...keep]);
  const finished = await finishReady({ deps, req, spec, record, endpoint: sent.endpoint });
  await req.recordLeases([finished.record, ...keep]);
  return done(finished.record, finished.diagnostic === null ? [] : [finished.diagnostic]);
}

type Requested =
  | {
      readonly kind: 'accepted';
      readonly handle: JournalHandle;
      readonly wait: WaitForMatchOptions;
    }
  | { readonly kind: 'failed'; readonly diagnostic: Diagnostic };

/** Journals and sends `updateInitialOrder`, then waits for the provider to accept it. */
async function requestUpdate(input: UpdateLeaseInput, details: OrderDetails): Promise<Requested> {
  const { deps, req } = input;
  const m = deps.marketplace;
  const address = req.change.address;
  const leaseId = input.record.leaseId ?? input.record.orderId;
  const handle = await req.journal({
    operation: 'update-order',
    address: req.change.resource,
    key: input.spec.slot.key,
    orderId: leaseId,
    txHash: null,
  });
  // The waits start at the block before the transaction, so neither event can be missed.
  const fromBlock = await m.blockNumber();
  const tx = await m.updateInitialOrder(BigInt(leaseId), details, {
    onSigned: (txHash, nonce) => handle.update({ txHash, nonce }),
  });
  const at = (): string => deps.now().toISOString();
  req.emit({ type: 'update-requested', address, at: at(), leaseId, txHash: tx.txHash });
  const wait = {
    fromBlock,
    timeoutMs: req.timeouts.matchMs,
    pollMs: deps.pollMs,
    signal: req.signal,
  };
  const accepted = await m.waitForOrderEvent('UpdateRequestAccepted', BigInt(leaseId), wait);
  if (accepted === null) {
    await handle.clear();
    return {
      kind: 'failed',
      diagnostic: req.signal.aborted
        ? interruptedDiag(address, 'while waiting for the provider to accept the update')
        : updateRefusedDiag({ address, leaseId, timeoutMs: req.timeouts.matchMs }),
    };
  }
  req.emit({ type: 'update-accepted', address, at: at(), leaseId });
  return { kind: 'accepted', handle, wait };
}
