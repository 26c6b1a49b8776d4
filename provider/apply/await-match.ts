/**
 * Waits for the slot's order to be matched (by order id, from the block it was created in) and
 * records the lease at once; on timeout explains why from the registry and the bids.
 */
import { decodeOrderSpec, placementValues } from '../../wire/order-spec.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { gpuModelsOf, providerGpuModels } from './provider-gpu-models.js';
import type { OrderDetails, ProviderInfo } from '../marketplace/marketplace-types.js';
import { noMatchDiag } from './apply-diagnostics.js';
import { explainNoMatch } from './explain-no-match.js';
import type { NoMatchOrder } from './explain-no-match.js';
import type { ApplyDeps } from './slot-context.js';

/** Inputs of {@link awaitMatch}. */
export interface AwaitMatchInput {
  readonly deps: ApplyDeps;
  readonly req: ApplySlotRequest;
  readonly record: LeaseRecord;
  readonly details: OrderDetails;
  readonly fromBlock: number;
}

/** The matched record, or null with the no-match diagnostic (or null when aborted). */
export type AwaitMatchResult =
  | { readonly kind: 'matched'; readonly record: LeaseRecord }
  | { readonly kind: 'no-match'; readonly diagnostic: Diagnostic }
  | { readonly kind: 'aborted' };

/** Waits `matchMs` for `OrderMatched` of this order id. */
export async function awaitMatch(input: AwaitMatchInput): Promise<AwaitMatchResult> {
  const { deps, req, record } = input;
  const m = deps.marketplace;
  const orderId = BigInt(record.orderId);
  const match = await m.waitForMatch(orderId, {
    fromBlock: input.fromBlock,
    timeoutMs: req.timeouts.matchMs,
    pollMs: deps.pollMs,
    signal: req.signal,
  });
  if (match === null) {
    if (req.signal.aborted) return { kind: 'aborted' };
    return { kind: 'no-match', diagnostic: await explain(input) };
  }
  const [[lease], [provider]] = await Promise.all([
    m.readLeases([orderId]),
    m.readProviders([match.provider]),
  ]);
  const matched: LeaseRecord = {
    ...record,
    leaseId: record.orderId,
    provider: match.provider,
    host: provider?.hostUri ?? null,
    region: record.region ?? provider?.region ?? null,
    acceptedPrice: match.acceptedPrice.toString(),
    startBlock: lease?.startBlock ?? match.blockNumber,
    updatedAt: deps.now().toISOString(),
  };
  req.emit({
    type: 'lease-matched',
    address: req.change.address,
    at: deps.now().toISOString(),
    leaseId: record.orderId,
    provider: match.provider,
    acceptedPrice: match.acceptedPrice.toString(),
  });
  return { kind: 'matched', record: matched };
}

async function explain(input: AwaitMatchInput): Promise<Diagnostic> {
  const { deps, req, record, details } = input;
  const [providers, bids] = await Promise.all([
    deps.marketplace.listProviders(),
    deps.marketplace.readBids(BigInt(record.orderId)),
  ]);
  const token = deps.network.tokens.find(
    (t) => t.address.toLowerCase() === details.token.toLowerCase(),
  );
  const res = explainNoMatch({
    order: noMatchOrder(details),
    providers: providers.map(toNoMatchProvider),
    bids: bids.map((b) => ({ provider: b.provider, price: b.price })),
    token: { symbol: token?.symbol ?? details.token, decimals: token?.decimals ?? 6 },
    secondsPerBlock: deps.network.secondsPerBlock,
  });
  return noMatchDiag({
    address: req.change.address,
    orderId: record.orderId,
    timeoutMs: req.timeouts.matchMs,
    reason: res.reason,
    hint: res.hint,
  });
}

/** The order's constraints as the explanation reads them. */
export function noMatchOrder(details: OrderDetails): NoMatchOrder {
  const spec = decodeOrderSpec(details.spec);
  const lower = (k: string): string[] => placementValues(spec, k).map((v) => v.toLowerCase());
  return {
    regions: placementValues(spec, 'region'),
    tiers: [...details.tier],
    allowProviders: lower('desired_provider'),
    denyProviders: lower('provider_exclude'),
    gpuModels: [
      ...new Set(spec.services.flatMap((s) => gpuModelsOf(s.resources.gpuAttributes))),
    ].filter((g) => g !== '*'),
    token: details.token.toLowerCase(),
    maxPrice: details.maxPrice,
  };
}

function toNoMatchProvider(p: ProviderInfo) {
  return {
    address: p.address,
    active: p.status === 'active',
    tier: p.tier,
    region: p.region,
    gpuModels: providerGpuModels(p.spec),
    tokens: p.tokens === undefined ? null : p.tokens,
  };
}
