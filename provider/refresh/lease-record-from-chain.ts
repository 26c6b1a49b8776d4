import type { LeaseRecord } from '../../cli/state/state-types.js';
import type { ChainLease, LeaseStatusReading } from './chain-lease.js';
import { leaseEndpoints } from './lease-endpoints.js';

/**
 * A state lease record from what the chain (and the provider, when it answered) says. `base` is
 * the record state held, whose manifest hash, secret HMACs, status and endpoints survive what the
 * chain cannot tell.
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
    status: statusOf(chain, reading, base),
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
    ...(base?.secretHmacs === undefined ? {} : { secretHmacs: base.secretHmacs }),
    startBlock: lease?.startBlock ?? null,
    numOfBlocks: Number(chain.order.numOfBlocks),
    endpoints:
      reading?.kind === 'ok' ? leaseEndpoints(reading.status) : [...(base?.endpoints ?? [])],
    updatedAt: now.toISOString(),
  };
}

/**
 * A matched lease stays `planned` while apply has not finished it — it was planned before and its
 * provider does not report every replica ready yet, or it was never given a manifest (the
 * provider answers without a status) — so the next apply resumes it instead of calling it ready.
 */
function statusOf(
  chain: ChainLease,
  reading: LeaseStatusReading | undefined,
  base: LeaseRecord | null,
): LeaseRecord['status'] {
  if (chain.lease === null) return 'planned';
  if (base?.status === 'tainted') return 'tainted';
  const serving =
    reading?.kind === 'ok' &&
    Object.values(reading.status.services).reduce((n, s) => n + s.readyReplicas, 0) >=
      chain.replicas;
  if (base?.status === 'planned' && !serving && reading?.kind !== 'unreachable') return 'planned';
  if (base === null && reading?.kind === 'no-status') return 'planned';
  return 'ready';
}
