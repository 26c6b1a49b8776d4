import { systemClock } from '../../common/index.js';
import type { Clock } from '../../common/index.js';
import type { ProviderClient, ProviderEndpoint } from '../marketplace/marketplace-types.js';
import type { ChainLease, LeaseStatusReading } from './chain-lease.js';

/** How long a provider gets to answer a status request before it counts as unreachable. */
export const STATUS_TIMEOUT_MS = 3000;

/**
 * Requests in flight per provider. Providers are asked in parallel with each other; one provider
 * gets a few at a time, so a stack with hundreds of leases on one provider does not flood it into
 * timing out — which would report healthy leases as `unknown`.
 */
export const STATUS_CONCURRENCY_PER_PROVIDER = 8;

/**
 * Asks each live lease's provider for its status, each request bounded by
 * {@link STATUS_TIMEOUT_MS}. Never throws: a provider that fails in any way is a reading, so an
 * unreachable provider can never fail a plan.
 */
export async function readLeaseStatuses(
  client: ProviderClient,
  leases: readonly ChainLease[],
  clock: Clock = systemClock,
): Promise<Map<string, LeaseStatusReading>> {
  const byProvider = new Map<string, ChainLease[]>();
  for (const c of leases) {
    if (c.lease?.state !== 'active' || c.provider === null) continue;
    const group = byProvider.get(c.provider.address) ?? [];
    group.push(c);
    byProvider.set(c.provider.address, group);
  }
  const out = new Map<string, LeaseStatusReading>();
  await Promise.all(
    [...byProvider.values()].map((group) =>
      pool(group, STATUS_CONCURRENCY_PER_PROVIDER, async (c) => {
        out.set(c.id, await readOne(client, c, clock));
      }),
    ),
  );
  return out;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function readOne(
  client: ProviderClient,
  c: ChainLease,
  clock: Clock,
): Promise<LeaseStatusReading> {
  const p = c.provider;
  if (p === null) return unreachable('provider not registered');
  const endpoint: ProviderEndpoint = {
    address: p.address,
    hostUri: p.hostUri,
    certificate: p.certificate,
    // A fizz lease is served by the provider's fizz gateway (port 8543).
    fizzId: c.lease?.fizzId ?? 0n,
  };
  // The client has its own timeout; this one guards against a client that ignores it.
  const done = new AbortController();
  const guard = clock
    .sleep(STATUS_TIMEOUT_MS + 500, done.signal)
    .then(() => unreachable(`timed out after ${STATUS_TIMEOUT_MS} ms`));
  try {
    const call = client
      .leaseStatus(endpoint, BigInt(c.id), { timeoutMs: STATUS_TIMEOUT_MS })
      .then((r): LeaseStatusReading => {
        if (r.ok) return { kind: 'ok', status: r.value };
        if (r.kind === 'unreachable') return unreachable(r.message);
        if (r.kind === 'http') return { kind: 'no-status', message: `HTTP ${r.status}` };
        return { kind: 'no-status', message: r.message };
      })
      .catch((e: unknown) => unreachable(e instanceof Error ? e.message : String(e)));
    return await Promise.race([call, guard]);
  } finally {
    done.abort();
  }
}

function unreachable(message: string): LeaseStatusReading {
  return { kind: 'unreachable', message };
}
