/**
 * A slot's new lease, start to finish: order → match → manifest → ready → health,
 * recording after every step. Resumes a `planned` record a crashed apply left: an order not yet
 * matched is waited for (never ordered again), a matched lease gets its manifest.
 */
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { encodeOrder } from '../marketplace/encode-order.js';
import { interruptedDiag } from './apply-diagnostics.js';
import { awaitMatch } from './await-match.js';
import { deliverManifest, providerEndpoint } from './deliver-manifest.js';
import { finishReady } from './finish-ready.js';
import { placeOrder } from './place-order.js';
import type { ApplyDeps, SlotSpec, StepResult } from './slot-context.js';

/** Inputs of {@link createLease}. */
export interface CreateLeaseInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly spec: SlotSpec;
  /** A `planned` record of this slot left by an interrupted apply: resumed, not re-ordered. */
  readonly resume: LeaseRecord | null;
  /** Records kept after the new one (a replacement's old lease, tainted). */
  readonly keep: readonly LeaseRecord[];
}

/** How far back a resumed order's match is searched for when its creation block is unknown. */
const RESUME_LOOKBACK_BLOCKS = 2000;

/** Builds (or resumes) the slot's lease; returns the slot's records as they stand. */
export async function createLease(input: CreateLeaseInput): Promise<StepResult> {
  const { deps, req, spec, keep } = input;
  const address = req.change.address;
  const done = (r: LeaseRecord | null, d: Diagnostic[]): StepResult => ({
    leases: r === null ? [...keep] : [r, ...keep],
    diagnostics: d,
  });
  const save = async (r: LeaseRecord | null): Promise<void> =>
    req.recordLeases(r === null ? [...keep] : [r, ...keep]);
  const placement =
    input.resume === null && spec.model.placement.spread === 'provider' && deps.spread !== undefined
      ? await deps.spread.run(req.change.resource, async (claimed) => {
          const result = await orderAndMatch(input, save, [...claimed]);
          return { result, provider: result.kind === 'matched' ? result.record.provider : null };
        })
      : await orderAndMatch(input, save, []);
  if (placement.kind !== 'matched') return done(placement.record, placement.diagnostics);
  let record = placement.record;
  if (req.signal.aborted)
    return done(record, [interruptedDiag(address, 'after its lease was matched')]);
  let endpoint;
  if (record.manifestHash === null) {
    const sent = await deliverManifest({ deps, req, spec, record, closeOnFailure: true });
    if (sent.kind === 'failed') {
      await save(null);
      return done(null, [sent.diagnostic]);
    }
    record = sent.record;
    endpoint = sent.endpoint;
    await save(record);
  } else {
    endpoint = await providerEndpoint(deps, record.provider ?? '');
  }
  const finished = await finishReady({ deps, req, spec, record, endpoint });
  await save(finished.record);
  return done(finished.record, finished.diagnostic === null ? [] : [finished.diagnostic]);
}

type Placement =
  | { readonly kind: 'matched'; readonly record: LeaseRecord }
  | {
      readonly kind: 'stopped';
      readonly record: LeaseRecord | null;
      readonly diagnostics: Diagnostic[];
    };

/** Orders (or resumes the order of) the slot and waits for its match, recording each step. */
async function orderAndMatch(
  input: CreateLeaseInput,
  save: (r: LeaseRecord | null) => Promise<void>,
  claimed: readonly string[],
): Promise<Placement> {
  const { deps, req, keep } = input;
  const address = req.change.address;
  const spec = { ...input.spec, excludeProviders: [...input.spec.excludeProviders, ...claimed] };
  const details = encodeOrder({ ...spec, network: deps.network });
  let record = input.resume;
  let fromBlock: number;
  if (record === null) {
    const placed = await placeOrder({ deps, req, spec, details, keep });
    record = placed.record;
    fromBlock = placed.blockNumber;
  } else {
    fromBlock = Math.max(0, (await deps.marketplace.blockNumber()) - RESUME_LOOKBACK_BLOCKS);
  }
  if (req.signal.aborted)
    return {
      kind: 'stopped',
      record,
      diagnostics: [interruptedDiag(address, 'after its order was sent')],
    };
  if (record.leaseId !== null) return { kind: 'matched', record };
  const matched = await awaitMatch({ deps, req, record, details, fromBlock });
  if (matched.kind === 'aborted')
    return {
      kind: 'stopped',
      record,
      diagnostics: [interruptedDiag(address, 'while waiting for a match')],
    };
  if (matched.kind === 'no-match') {
    await save(null);
    return { kind: 'stopped', record: null, diagnostics: [matched.diagnostic] };
  }
  await save(matched.record);
  return { kind: 'matched', record: matched.record };
}
