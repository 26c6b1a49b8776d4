/**
 * The provider side of one autoscale cycle: each instance with a health check or a policy has its
 * leases' statuses read, every replica probed and scraped through its forwarded port (failures are
 * observations), and its health and count decided by {@link decideInstance}.
 */
import type { Diagnostics } from '../../cli/diag/index.js';
import type {
  AutoscaleResourceHistory,
  CycleDecision,
  ObserveRequest,
  ObserveResponse,
} from '../../cli/provider-api.js';
import type { LeaseRecord, ResourceState } from '../../cli/state/state-types.js';
import type { ApplyDeps } from '../apply/slot-context.js';
import { runProbes } from '../health/run-probes.js';
import type { ReplicaProbeResult } from '../health/run-probes.js';
import type { ProviderInfo, ProviderLeaseStatus } from '../marketplace/marketplace-types.js';
import { scrapeReplicas } from '../metrics/scrape-replicas.js';
import type { ScrapeObservation } from '../metrics/scrape-replicas.js';
import { slotAddress } from '../resources/instance/slot-address.js';
import type {
  AutoscalingPolicyModel,
  HealthCheckModel,
  InstanceModel,
} from '../spec/model-types.js';
import { decideInstance } from './decide-instance.js';
import { maxAffordableReplicas } from './max-affordable.js';
import { toObservedReplicas } from './observed-replica.js';
import type { ObservedReplica } from './observed-replica.js';

const STATUS_TIMEOUT_MS = 3000;
const SCRAPE_TIMEOUT_MS = 2000;
const CONCURRENCY = 32;
const EMPTY: AutoscaleResourceHistory = {
  recommendations: [],
  events: [],
  replacements: [],
  memory: null,
};

/** One instance the controller watches. */
interface Watched {
  readonly resource: ResourceState;
  readonly instance: InstanceModel;
  readonly check: HealthCheckModel | null;
  readonly policy: AutoscalingPolicyModel | null;
}

/** Observes and decides every watched instance of the stack. */
export async function observeStack(deps: ApplyDeps, req: ObserveRequest): Promise<ObserveResponse> {
  const watched = watchedInstances(req);
  const live = new Map(req.state.resources.map((r) => [r.address, currentReplicas(r.leases)]));
  const providers = await readProviders(deps, watched);
  const decisions = await Promise.all(
    watched.map(async (w): Promise<CycleDecision> => {
      const replicas = await observeReplicas(deps, w, providers);
      const { probes, scrapes } = await probeAndScrape(w, replicas);
      const token = deps.network.tokens.find((t) => t.symbol === w.instance.pricing.token);
      return decideInstance({
        address: w.resource.address,
        check: w.check,
        policy: w.policy,
        current: live.get(w.resource.address) ?? 0,
        replicas,
        probes,
        scrapes,
        history: req.history.resources[w.resource.address] ?? EMPTY,
        now: req.now,
        settling: w.resource.leases.some((l) => l.status === 'planned'),
        budget: maxAffordableReplicas({
          model: req.model,
          address: w.resource.address,
          live,
          decimals: token?.decimals ?? null,
        }),
      });
    }),
  );
  const diagnostics: Diagnostics = [];
  return { decisions, diagnostics };
}

/** Replicas the instance runs now: each slot's primary lease, tainted ones aside. */
export function currentReplicas(leases: readonly LeaseRecord[]): number {
  const seen = new Set<string>();
  let n = 0;
  for (const l of leases) {
    if (seen.has(l.key) || l.status === 'tainted') continue;
    seen.add(l.key);
    n += l.replicas;
  }
  return n;
}

function watchedInstances(req: ObserveRequest): Watched[] {
  const out: Watched[] = [];
  for (const r of req.model.resources) {
    if (r.type !== 'instance') continue;
    const resource = req.state.resources.find((s) => s.address === r.address);
    if (resource === undefined) continue;
    const of = <T extends { instance: string }>(type: string): T | null =>
      (req.model.resources.find(
        (x) => x.type === type && (x.attributes as T).instance === r.address,
      )?.attributes as T | undefined) ?? null;
    const check = of<HealthCheckModel>('health_check');
    const policy = of<AutoscalingPolicyModel>('autoscaling_policy');
    if (check === null && policy === null) continue;
    out.push({ resource, instance: r.attributes as InstanceModel, check, policy });
  }
  return out;
}

async function readProviders(
  deps: ApplyDeps,
  watched: readonly Watched[],
): Promise<Map<string, ProviderInfo>> {
  const addrs = [
    ...new Set(
      watched.flatMap((w) =>
        w.resource.leases.flatMap((l) => (l.provider === null ? [] : [l.provider])),
      ),
    ),
  ];
  const infos = addrs.length === 0 ? [] : await deps.marketplace.readProviders(addrs);
  return new Map(infos.flatMap((p) => (p === null ? [] : [[p.address.toLowerCase(), p] as const])));
}

async function observeReplicas(
  deps: ApplyDeps,
  w: Watched,
  providers: ReadonlyMap<string, ProviderInfo>,
): Promise<ObservedReplica[]> {
  const leases = w.resource.leases.filter(
    (l, i, all) =>
      l.leaseId !== null && l.status !== 'tainted' && all.findIndex((x) => x.key === l.key) === i,
  );
  const lists = await Promise.all(
    leases.map(async (l) => {
      const provider = providers.get(l.provider ?? '') ?? null;
      const status = provider === null ? null : await leaseStatus(deps, provider, l);
      return toObservedReplicas({
        slot: slotAddress(w.resource.address, l.key),
        leaseId: l.leaseId ?? l.orderId,
        provider: l.provider ?? '',
        service: w.resource.name,
        replicas: l.replicas,
        status,
      });
    }),
  );
  return lists.flat();
}

async function leaseStatus(
  deps: ApplyDeps,
  p: ProviderInfo,
  l: LeaseRecord,
): Promise<ProviderLeaseStatus | null> {
  const res = await deps.providerClient.leaseStatus(
    { address: p.address, hostUri: p.hostUri, certificate: p.certificate },
    BigInt(l.leaseId ?? l.orderId),
    { timeoutMs: STATUS_TIMEOUT_MS },
  );
  return res.ok ? res.value : null;
}

async function probeAndScrape(
  w: Watched,
  replicas: readonly ObservedReplica[],
): Promise<{ probes: ReplicaProbeResult[]; scrapes: ScrapeObservation[] }> {
  const metricsPort = w.instance.ports.find((p) => p.proto === 'tcp')?.port;
  const [probes, scrapes] = await Promise.all([
    w.check === null
      ? Promise.resolve([])
      : runProbes({
          check: w.check,
          concurrency: CONCURRENCY,
          // A replica not running yet has nothing to probe: its provider signals speak for it.
          targets: replicas
            .filter((r) => r.ready)
            .map((r) => ({
              replica: r.id,
              endpoint: r.endpoints[String(w.check?.probe.port)] ?? null,
            })),
        }),
    w.policy === null || metricsPort === undefined
      ? Promise.resolve([])
      : scrapeReplicas(
          replicas.flatMap((r) => {
            const endpoint = r.endpoints[String(metricsPort)];
            return endpoint === undefined ? [] : [{ replica: r.id, endpoint }];
          }),
          { timeoutMs: SCRAPE_TIMEOUT_MS, concurrency: CONCURRENCY },
        ),
  ]);
  return { probes, scrapes };
}
