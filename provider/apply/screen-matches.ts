/**
 * `plan`'s pre-flight match screening at the edge: one registry read (`listProviders`), each active
 * provider's published inventory (`GET /status`, bounded-parallel, short timeout), then the pure
 * {@link decideMatchScreen} per new slot. A slot no provider can take is the warning
 * `plan/no-matching-provider`; `apply` refuses such a plan unless `--allow-unmatched`. Two
 * advisory reads follow: recent accepted prices (`plan/price-below-market`) and the stack's open
 * orders no slot owns (`plan/open-orders`); neither makes apply refuse.
 */
import { warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type {
  OpenOrderView,
  ScreenMatchesRequest,
  ScreenMatchesResponse,
} from '../../cli/provider-api.js';
import type { Change } from '../../cli/plan/plan-types.js';
import { formatPerHourForPeople } from '../../common/units/index.js';
import { orderTerms } from '../../wire/block-pricing.js';
import { findToken } from '../cost/find-token.js';
import type {
  Marketplace,
  ProviderClient,
  ProviderInfo,
} from '../marketplace/marketplace-types.js';
import { mapLimit } from '../metrics/map-limit.js';
import type { NetworkToken, ResolvedNetwork } from '../network/network-types.js';
import type { InstanceModel } from '../spec/model-types.js';
import { toNoMatchProvider } from './await-match.js';
import type { SlotDemand } from './decide-capacity-fit.js';
import { decideMatchScreen } from './decide-match-screen.js';
import { decidePriceVsMarket } from './decide-price-vs-market.js';
import type { PricedOrder } from './decide-price-vs-market.js';
import type { NoMatchOrder } from './explain-no-match.js';
import { parseProviderInventory } from './parse-provider-inventory.js';
import type { ProviderInventory } from './parse-provider-inventory.js';
import { readOpenOrders } from './read-open-orders.js';
import { pricedOrderOf } from './priced-order-of.js';

/** Inventory reads at once, and how long one may take: a plan waits for the slowest. */
const INVENTORY_CONCURRENCY = 8;
const INVENTORY_TIMEOUT_MS = 3000;
/** How far back accepted prices are read (one log query), and at most how many of the latest. */
export const PRICE_WINDOW_BLOCKS = 5000;
const PRICE_MATCHES_MAX = 200;

/** What screening reads: the registry, the providers' inventories, and the network's tokens. */
export interface ScreenMatchesDeps {
  readonly marketplace: Pick<
    Marketplace,
    'listProviders' | 'blockNumber' | 'matchesSince' | 'readOrders' | 'ordersCreatedBy'
  >;
  readonly providerClient: Pick<ProviderClient, 'inventory'>;
  readonly network: ResolvedNetwork;
  /** Lowercase wallet; null: open orders are not looked for. */
  readonly tenant: string | null;
}

/** Screens every slot the plan orders anew (create, replacement) against the registry. */
export async function screenMatches(
  deps: ScreenMatchesDeps,
  req: ScreenMatchesRequest,
): Promise<ScreenMatchesResponse> {
  const diagnostics: Diagnostic[] = [];
  if (deps.tenant !== null && req.stack !== undefined) {
    // Advisory: a node that refuses the log query (range limits) costs the listing, not the plan.
    const open = await readOpenOrders(
      { marketplace: deps.marketplace, network: deps.network, tenant: deps.tenant },
      req.stack,
      req.state ?? null,
    ).catch(() => []);
    if (open.length > 0) diagnostics.push(openOrdersWarning(open));
  }
  const fresh = req.changes.flatMap((change) => {
    if (change.type !== 'instance') return [];
    if (change.action !== 'create' && !change.action.includes('-then-')) return [];
    const slot = slotOf(change, deps.network);
    return slot === null ? [] : [{ change, ...slot }];
  });
  if (fresh.length === 0) return { diagnostics };
  const registered = await deps.marketplace.listProviders();
  const inventories = await readInventories(deps.providerClient, registered);
  const providers = registered.map((p) => ({
    ...toNoMatchProvider(p),
    capacity: inventories.get(p.address) ?? null,
  }));
  const active = providers.filter((p) => p.active);
  const unknown = active.filter((p) => p.capacity === null).length;
  if (unknown > 0)
    diagnostics.push(
      warningDiag({
        code: 'plan/capacity-unknown',
        summary: 'Some providers publish no capacity',
        detail: `Capacity was unknown for ${unknown} of ${active.length} active providers (unreachable, or no inventory at GET /status): they were not excluded on capacity.`,
      }),
    );
  for (const { change, order, token } of fresh) {
    const res = decideMatchScreen({ order, providers, tokenSymbol: token.symbol });
    if (res.reason === null) continue;
    diagnostics.push(
      warningDiag({
        code: 'plan/no-matching-provider',
        summary: 'No provider can take this slot',
        detail: `${change.address}: ${res.reason}. Applying would leave an open order on chain, which Spheron cannot cancel, waiting for a match that cannot come.`,
        hint: `${res.hint ?? 'Relax the placement.'} To order it anyway, run apply with --allow-unmatched.`,
        address: change.address,
      }),
    );
  }
  // Advisory, as above: without the recent matches there is simply nothing to compare with.
  diagnostics.push(...(await priceWarnings(deps, fresh).catch(() => [])));
  return { diagnostics };
}

interface FreshSlot {
  readonly change: Change;
  readonly order: NoMatchOrder;
  readonly priced: PricedOrder;
  readonly token: NetworkToken;
}

/** Each active provider's inventory by address; null where unknown. */
async function readInventories(
  client: Pick<ProviderClient, 'inventory'>,
  providers: readonly ProviderInfo[],
): Promise<Map<string, ProviderInventory | null>> {
  const active = providers.filter((p) => p.status === 'active' && p.hostUri !== '');
  const read = await mapLimit(active, INVENTORY_CONCURRENCY, async (p) => {
    const r = await client
      .inventory(
        { address: p.address, hostUri: p.hostUri, certificate: p.certificate },
        { timeoutMs: INVENTORY_TIMEOUT_MS },
      )
      .catch(() => null);
    return r !== null && r.ok ? parseProviderInventory(r.value) : null;
  });
  return new Map(active.map((p, i) => [p.address, read[i] ?? null]));
}

/** `plan/price-below-market` per slot whose max is below every comparable recent match. */
async function priceWarnings(
  deps: ScreenMatchesDeps,
  fresh: readonly FreshSlot[],
): Promise<Diagnostic[]> {
  const m = deps.marketplace;
  const head = await m.blockNumber();
  const window = Math.min(head, PRICE_WINDOW_BLOCKS);
  // The latest ones only: their orders are one batched read however busy the window was.
  const matches = (await m.matchesSince(head - window)).slice(-PRICE_MATCHES_MAX);
  if (matches.length === 0) return [];
  const orders = await m.readOrders(matches.map((x) => x.orderId));
  const recent = matches.flatMap((x, i) => {
    const o = orders[i] ?? null;
    return o === null ? [] : (pricedOrderOf(o, x.acceptedPrice) ?? []);
  });
  return fresh.flatMap(({ change, priced, token }) => {
    const below = decidePriceVsMarket({
      slot: priced,
      recent,
      windowBlocks: window,
      token,
      secondsPerBlock: deps.network.secondsPerBlock,
    });
    if (below === null) return [];
    return [
      warningDiag({
        code: 'plan/price-below-market',
        summary: 'Max price is below recent accepted prices',
        detail: `${change.address}: ${below.message}. The order may wait a long time for a match, or never get one.`,
        hint: 'Raise pricing.maxPerHour (it is a ceiling: you pay the accepted bid, not the max).',
        address: change.address,
      }),
    ];
  });
}

/** One warning listing the stack's open orders no slot owns, with what each may cost. */
function openOrdersWarning(open: readonly OpenOrderView[]): Diagnostic {
  const lines = open.map(
    (o) =>
      `order ${o.orderId} for ${o.address} (up to ${formatPerHourForPeople(BigInt(o.maxPerHour), o.decimals, o.token, 3)} if matched)`,
  );
  return warningDiag({
    code: 'plan/open-orders',
    summary: 'Open orders of this stack wait on chain',
    detail: `${open.length} open ${open.length === 1 ? 'order' : 'orders'} of this stack no slot owns: ${lines.join('; ')}. Spheron cannot cancel an order: it may still match and start charging.`,
    hint: 'Nothing to do now: if one matches, the next plan, apply or refresh adopts its lease into the state, and a second lease for a slot (or one for a slot no longer declared) is planned for closing. `leasehold status` lists these orders.',
  });
}

/** The slot's order requirements and price, read from the change (the order encoder's inputs). */
function slotOf(
  change: Change,
  network: ResolvedNetwork,
): { order: NoMatchOrder; priced: PricedOrder; token: NetworkToken } | null {
  const after = change.after as (Partial<InstanceModel> & { replicas?: number }) | null;
  const placement = after?.placement;
  const pricing = after?.pricing;
  const resources = after?.resources;
  if (placement === undefined || pricing === undefined || resources === undefined) return null;
  const token = findToken(network, pricing.token);
  if (token === null) return null;
  const region = slotRegion(change.private);
  const replicas = after?.replicas ?? after?.count ?? 1;
  const demand = demandOf(resources, replicas);
  const terms = orderTerms({
    maxPerHour: BigInt(pricing.amount),
    replicas,
    decimals: token.decimals,
    secondsPerBlock: network.secondsPerBlock,
    durationMs: after?.duration ?? 3_600_000,
  });
  return {
    token,
    order: {
      regions: region === null ? placement.regions : [region],
      tiers: placement.tiers,
      allowProviders: placement.allowProviders,
      denyProviders: placement.denyProviders,
      gpuModels: resources.gpu?.models ?? [],
      token: token.address.toLowerCase(),
      maxPrice: terms.maxPrice,
      demand,
    },
    priced: {
      pricePerBlock: terms.maxPrice,
      token: token.address.toLowerCase(),
      cpuMillis: demand.cpuMillis * replicas,
      gpus: demand.gpus * replicas,
    },
  };
}

/** One replica's resources, ephemeral storage only (persistent volumes are another pool). */
function demandOf(r: InstanceModel['resources'], replicas: number): SlotDemand {
  return {
    replicas,
    cpuMillis: r.cpu,
    memoryBytes: BigInt(r.memory),
    storageBytes: r.storage.filter((v) => !v.persistent).reduce((s, v) => s + BigInt(v.size), 0n),
    gpus: r.gpu?.units ?? 0,
    gpuModels: r.gpu?.models ?? [],
  };
}

function slotRegion(priv: string | undefined): string | null {
  if (priv === undefined) return null;
  try {
    const v: unknown = JSON.parse(priv);
    const region = typeof v === 'object' && v !== null ? (v as { region?: unknown }).region : null;
    return typeof region === 'string' ? region : null;
  } catch {
    return null;
  }
}
