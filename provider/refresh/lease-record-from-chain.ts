import type { LeaseRecord } from '../../cli/state/state-types.js';
import type { ChainLease, LeaseStatusReading } from './chain-lease.js';
import { leaseEndpoints } from './lease-endpoints.js';

/**
 * A state lease record from what the chain (and the provider, when it answered) says. `base` is
 * the record state held, whose manifest hash, status and endpoints survive what the chain cannot
 * tell.
 */
export function leaseRecordFromChain(
  chain: ChainLease,
  reading: LeaseStatusReading | undefined,
  base: LeaseRecord | null,
  now: Date,
): LeaseRecord {
  const lease = chain.lease;
  return {
    key: chain.tag.key,
    status: lease === null ? 'planned' : base?.status === 'tainted' ? 'tainted' : 'ready',
    orderId: chain.id,
    leaseId: lease === null ? null : chain.id,
    provider: lease?.provider ?? null,
    host: chain.provider?.hostUri ?? base?.host ?? null,
    region: chain.region,
    acceptedPrice: lease === null ? null : lease.acceptedPrice.toString(),
    token: chain.order.token.toLowerCase(),
    replicas: chain.replicas,
    specHash: chain.specHash,
    manifestHash: base?.manifestHash ?? null,
    startBlock: lease?.startBlock ?? null,
    numOfBlocks: Number(chain.order.numOfBlocks),
    endpoints:
      reading?.kind === 'ok' ? leaseEndpoints(reading.status) : [...(base?.endpoints ?? [])],
    updatedAt: now.toISOString(),
  };
}
