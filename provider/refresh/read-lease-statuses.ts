import type { ProviderClient, ProviderEndpoint } from '../marketplace/marketplace-types.js';
import type { ChainLease, LeaseStatusReading } from './chain-lease.js';

/** How long a provider gets to answer a status request before it counts as unreachable. */
export const STATUS_TIMEOUT_MS = 3000;

/**
 * Asks each live lease's provider for its status, all in parallel, each bounded by
 * {@link STATUS_TIMEOUT_MS}. Never throws: a provider that fails in any way is a reading, so an
 * unreachable provider can never fail a plan.
 */
export async function readLeaseStatuses(
  client: ProviderClient,
  leases: readonly ChainLease[],
): Promise<Map<string, LeaseStatusReading>> {
  const live = leases.filter((c) => c.lease?.state === 'active' && c.provider !== null);
  const readings = await Promise.all(live.map((c) => readOne(client, c)));
  return new Map(live.map((c, i) => [c.id, readings[i] ?? unreachable('no reading')]));
}

async function readOne(client: ProviderClient, c: ChainLease): Promise<LeaseStatusReading> {
  const p = c.provider;
  if (p === null) return unreachable('provider not registered');
  const endpoint: ProviderEndpoint = {
    address: p.address,
    hostUri: p.hostUri,
    certificate: p.certificate,
  };
  let timer: NodeJS.Timeout | undefined;
  // The client has its own timeout; this one guards against a client that ignores it.
  const guard = new Promise<LeaseStatusReading>((resolve) => {
    timer = setTimeout(
      () => resolve(unreachable(`timed out after ${STATUS_TIMEOUT_MS} ms`)),
      STATUS_TIMEOUT_MS + 500,
    );
  });
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
    clearTimeout(timer);
  }
}

function unreachable(message: string): LeaseStatusReading {
  return { kind: 'unreachable', message };
}
