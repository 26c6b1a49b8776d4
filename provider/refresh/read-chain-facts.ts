import type { StackState } from '../../cli/state/state-types.js';
import type { Marketplace, ProviderClient } from '../marketplace/marketplace-types.js';
import type { ChainFacts, ChainLease, LeaseStatusReading } from './chain-lease.js';
import { chainLeaseFromOrder } from './chain-lease-from-order.js';
import { readLeaseStatuses } from './read-lease-statuses.js';

/** Options of {@link readChainFacts}. */
export interface ReadChainFactsInput {
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  /** Lowercase wallet address. */
  readonly tenant: string;
  readonly stack: string;
  readonly prior: StackState | null;
  /**
   * False skips the providers: the chain already settles what a plan needs (which leases exist,
   * on which terms), and a fleet's status reads are its slowest part. @default true
   */
  readonly providerStatus?: boolean | undefined;
}

/**
 * The I/O half of refresh: the tenant's lease ids, then leases and orders of the active ids plus
 * every id state names (batched, so N leases cost a constant number of round trips), then their
 * providers, then every live lease's status from its provider, bounded-parallel per provider
 * (skipped with `providerStatus: false`).
 */
export async function readChainFacts(input: ReadChainFactsInput): Promise<ChainFacts> {
  const { marketplace: m } = input;
  const [blockNumber, ids] = await Promise.all([m.blockNumber(), m.tenantLeaseIds(input.tenant)]);
  const priorIds = new Set(
    (input.prior?.resources ?? []).flatMap((r) => r.leases.map((l) => l.leaseId ?? l.orderId)),
  );
  const activeIds = new Set(ids.active.map((id) => id.toString()));
  const wanted = [...new Set([...activeIds, ...priorIds])].map((id) => BigInt(id));
  const [leases, orders] = await Promise.all([m.readLeases(wanted), m.readOrders(wanted)]);
  const providerAddrs = [
    ...new Set(leases.flatMap((l) => (l === null ? [] : [l.provider.toLowerCase()]))),
  ];
  const providers = await m.readProviders(providerAddrs);
  const byAddress = new Map(providerAddrs.map((a, i) => [a, providers[i] ?? null]));
  const found = new Map<string, ChainLease>();
  wanted.forEach((id, i) => {
    const order = orders[i] ?? null;
    if (order === null) return;
    const lease = leases[i] ?? null;
    const provider = lease === null ? null : (byAddress.get(lease.provider.toLowerCase()) ?? null);
    const chain = chainLeaseFromOrder(order, lease, provider);
    // Another stack's lease is not ours to reconcile, unless state names it.
    if (chain !== null && (chain.tag.stack === input.stack || priorIds.has(chain.id))) {
      found.set(chain.id, chain);
    }
  });
  const statuses =
    input.providerStatus === false
      ? new Map<string, LeaseStatusReading>()
      : await readLeaseStatuses(input.providerClient, [...found.values()]);
  return { blockNumber, leases: found, activeIds, statuses };
}
