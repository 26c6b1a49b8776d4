/**
 * `leasehold status`: every lease of the state with what the chain says (provider, price, end
 * block) and what its provider reports (ready replicas, endpoints), providers asked in parallel
 * with a bound so one that is down never stalls the rest.
 */
import type { Diagnostics } from '../../cli/diag/index.js';
import type { LeaseStatusView } from '../../cli/provider-api.js';
import type { LeaseRecord, StackState } from '../../cli/state/state-types.js';
import type {
  LeaseInfo,
  ProviderInfo,
  ProviderLeaseStatus,
} from '../marketplace/marketplace-types.js';
import { hoursOfBlocks, perHourOfPrice } from '../../wire/block-pricing.js';
import { leaseEndpoints } from '../refresh/lease-endpoints.js';
import { slotAddress } from '../resources/instance/slot-address.js';
import { observeReplicas } from '../status/observe-replicas.js';
import { toReplicaTargets } from '../status/replica-targets.js';
import { statusProbeConfig } from '../status/status-probe-config.js';
import type { ApplyDeps } from './slot-context.js';

const STATUS_TIMEOUT_MS = 3000;

/** Reads the live view of every lease in `state`. */
export async function readStackStatus(
  deps: ApplyDeps,
  state: StackState,
): Promise<{ leases: LeaseStatusView[]; diagnostics: Diagnostics }> {
  const m = deps.marketplace;
  const items = state.resources.flatMap((r) =>
    r.leases.flatMap((l) => (l.leaseId === null ? [] : [{ resource: r, lease: l }])),
  );
  if (items.length === 0) return { leases: [], diagnostics: [] };
  const ids = items.map((i) => BigInt(i.lease.leaseId ?? i.lease.orderId));
  const [block, chain] = await Promise.all([m.blockNumber(), m.readLeases(ids)]);
  const addrs = [...new Set(chain.flatMap((c) => (c === null ? [] : [c.provider])))];
  const infos = await m.readProviders(addrs);
  const byAddr = new Map(addrs.map((a, i) => [a, infos[i] ?? null]));
  const views = await Promise.all(
    items.map((item, i) => {
      const c = chain[i] ?? null;
      return viewOf(deps, {
        address: slotAddress(item.resource.address, item.lease.key),
        service: item.resource.name,
        record: item.lease,
        chain: c,
        provider: c === null ? null : (byAddr.get(c.provider) ?? null),
        block,
      });
    }),
  );
  // One probe and two scrapes per replica, all leases together, after every provider answered.
  const replicas = await observeReplicas(
    views.map((v, i) => {
      const resource = items[i]?.resource;
      if (v.live === null || resource === undefined) return { targets: [], check: null };
      const cfg = statusProbeConfig(state, resource);
      return { targets: toReplicaTargets(v.live, resource.name, cfg.port), check: cfg.check };
    }),
  );
  const leases = views.map((v, i) => ({ ...v.view, replicas: replicas[i] ?? [] }));
  return { leases, diagnostics: [] };
}

interface ViewInput {
  readonly address: string;
  readonly service: string;
  readonly record: LeaseRecord;
  readonly chain: LeaseInfo | null;
  readonly provider: ProviderInfo | null;
  readonly block: number;
}

/** A lease's view before its replicas are observed, and the provider's report it came from. */
interface LeaseViewDraft {
  readonly view: Omit<LeaseStatusView, 'replicas'>;
  readonly live: ProviderLeaseStatus | null;
}

async function viewOf(deps: ApplyDeps, v: ViewInput): Promise<LeaseViewDraft> {
  const token = deps.network.tokens.find((t) => t.address.toLowerCase() === v.record.token);
  const price = v.chain?.acceptedPrice ?? BigInt(v.record.acceptedPrice ?? '0');
  const start = v.chain?.startBlock ?? v.record.startBlock;
  const blocksLeft = start === null ? null : start + v.record.numOfBlocks - v.block;
  const base = {
    address: v.address,
    leaseId: v.record.leaseId ?? v.record.orderId,
    provider: v.chain?.provider ?? v.record.provider ?? '',
    region: v.record.region ?? v.provider?.region ?? null,
    pricePerHour: perHourOfPrice({
      pricePerBlock: price,
      decimals: token?.decimals ?? 6,
      secondsPerBlock: deps.network.secondsPerBlock,
    }).toString(),
    token: token?.symbol ?? v.record.token,
    decimals: token?.decimals ?? 6,
    runwayHours:
      blocksLeft === null ? null : hoursOfBlocks(BigInt(blocksLeft), deps.network.secondsPerBlock),
  };
  const last = { ready: 0, total: v.record.replicas, endpoints: [...v.record.endpoints] };
  if (v.provider === null || v.chain?.state !== 'active')
    return { view: { ...base, ...last, reachable: false }, live: null };
  const res = await deps.providerClient.leaseStatus(
    {
      address: v.provider.address,
      hostUri: v.provider.hostUri,
      certificate: v.provider.certificate,
    },
    BigInt(base.leaseId),
    { timeoutMs: STATUS_TIMEOUT_MS },
  );
  if (!res.ok) return { view: { ...base, ...last, reachable: res.kind === 'http' }, live: null };
  const svc = res.value.services[v.service];
  return {
    view: {
      ...base,
      ready: svc?.readyReplicas ?? 0,
      total: svc?.total ?? v.record.replicas,
      endpoints: leaseEndpoints(res.value),
      reachable: true,
    },
    live: res.value,
  };
}
