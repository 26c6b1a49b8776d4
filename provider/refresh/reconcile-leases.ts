import type { DriftEntry } from '../../cli/plan/plan-types.js';
import type { LeaseRecord, ResourceState, StackState } from '../../cli/state/state-types.js';
import { contentHash } from '../spec/content-hash.js';
import { slotAddress } from '../resources/instance/slot-address.js';
import type { ChainFacts, ChainLease } from './chain-lease.js';
import { leaseRecordFromChain } from './lease-record-from-chain.js';

/** Options of {@link reconcileLeases}. */
export interface ReconcileLeasesInput {
  readonly stack: string;
  /** State before refresh (an empty state for import). */
  readonly prior: StackState;
  /** Lowercase wallet address owning the leases. */
  readonly tenant: string;
  readonly facts: ChainFacts;
  readonly now: Date;
  /** Attributes for an instance first met on chain (import rebuilds what the order tells). */
  readonly adoptAttributes: (chain: ChainLease) => unknown;
}

/** The reconciled state and what drifted. */
export interface ReconcileLeasesResult {
  readonly state: StackState;
  readonly drift: DriftEntry[];
}

/**
 * The chain is the truth of what runs; this reconciles the state with it, purely: state leases closed or expired on chain are dropped (`closed-outside`), ids
 * with no lease are dropped (`missing`), live leases tagged for this stack but absent from state
 * are added (`adopted`), a planned slot whose order matched becomes its lease, and a lease whose
 * provider did not answer stays as it was (`unknown`). Serial and lineage are the caller's.
 */
export function reconcileLeases(input: ReconcileLeasesInput): ReconcileLeasesResult {
  const drift: DriftEntry[] = [];
  const known = new Set<string>();
  const resources = new Map<string, ResourceState>();
  for (const r of input.prior.resources) {
    const leases: LeaseRecord[] = [];
    for (const l of r.leases) {
      known.add(l.leaseId ?? l.orderId);
      const kept = reconcileOne(input, slotAddress(r.address, l.key), l, drift);
      if (kept !== null) leases.push(kept);
    }
    resources.set(r.address, { ...r, leases });
  }
  for (const c of sortById([...input.facts.leases.values()])) {
    if (known.has(c.id) || !isAdoptable(input, c)) continue;
    const address = `instance.${c.tag.instance}`;
    const r = resources.get(address) ?? newResource(address, c, input.adoptAttributes(c));
    const reading = input.facts.statuses.get(c.id);
    resources.set(address, {
      ...r,
      leases: [...r.leases, leaseRecordFromChain(c, reading, null, input.now)],
    });
    drift.push({
      address: slotAddress(address, c.tag.key),
      kind: 'adopted',
      detail: `Lease ${c.id} is tagged for this stack but was not in the state; it was added to it.`,
      leaseId: c.id,
    });
    if (reading?.kind === 'unreachable')
      drift.push(unknownDrift(address, c.tag.key, c, reading.message));
  }
  const sorted = [...resources.values()]
    .map((r) => ({ ...r, leases: stableByKey(r.leases) }))
    .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  return { state: { ...input.prior, tenant: input.tenant, resources: sorted }, drift };
}

function reconcileOne(
  input: ReconcileLeasesInput,
  address: string,
  l: LeaseRecord,
  drift: DriftEntry[],
): LeaseRecord | null {
  const id = l.leaseId ?? l.orderId;
  const c = input.facts.leases.get(id);
  const gone = (kind: DriftEntry['kind'], detail: string): null => {
    drift.push({ address, kind, detail, leaseId: id });
    return null;
  };
  if (c === undefined)
    return gone('missing', `State names lease ${id}, but the chain has no such lease or order.`);
  if (c.lease === null) {
    if (c.order.state === 'open') return { ...l, updatedAt: input.now.toISOString() };
    return gone('missing', `Order ${id} is ${c.order.state} on chain and never became a lease.`);
  }
  if (c.lease.state === 'terminated')
    return gone('closed-outside', `Lease ${id} was closed outside Leasehold.`);
  if (isExpired(c, input.facts.blockNumber))
    return gone('closed-outside', `Lease ${id} expired at block ${expiryBlock(c)}.`);
  const reading = input.facts.statuses.get(id);
  if (reading?.kind === 'unreachable') {
    drift.push(unknownDrift(address.replace(/\[.*$/, ''), l.key, c, reading.message));
    return l;
  }
  const next = leaseRecordFromChain(c, reading, l, input.now);
  const changed = describeChange(l, next);
  if (l.leaseId !== null && changed.length > 0) {
    drift.push({
      address,
      kind: 'changed',
      detail: `Lease ${id} changed on chain: ${changed.join(', ')}.`,
      leaseId: id,
    });
  }
  return next;
}

function describeChange(before: LeaseRecord, after: LeaseRecord): string[] {
  const out: string[] = [];
  if (before.provider !== after.provider)
    out.push(`provider ${before.provider} → ${after.provider}`);
  if (before.acceptedPrice !== after.acceptedPrice)
    out.push(`accepted price ${before.acceptedPrice} → ${after.acceptedPrice}`);
  if (before.replicas !== after.replicas)
    out.push(`replicas ${before.replicas} → ${after.replicas}`);
  return out;
}

function unknownDrift(resource: string, key: string, c: ChainLease, message: string): DriftEntry {
  const who = c.provider?.hostUri ?? c.lease?.provider ?? 'its provider';
  return {
    address: slotAddress(resource, key),
    kind: 'unknown',
    detail: `The provider of lease ${c.id} (${who}) did not answer (${message}); the lease is kept as the state last saw it.`,
    leaseId: c.id,
  };
}

function isAdoptable(input: ReconcileLeasesInput, c: ChainLease): boolean {
  return (
    c.tag.stack === input.stack &&
    c.lease !== null &&
    c.lease.state === 'active' &&
    input.facts.activeIds.has(c.id) &&
    !isExpired(c, input.facts.blockNumber)
  );
}

function expiryBlock(c: ChainLease): number {
  return (c.lease?.startBlock ?? 0) + Number(c.order.numOfBlocks);
}

function isExpired(c: ChainLease, blockNumber: number): boolean {
  return c.lease !== null && Number(c.order.numOfBlocks) > 0 && blockNumber >= expiryBlock(c);
}

function newResource(address: string, c: ChainLease, attributes: unknown): ResourceState {
  // The hash of what import knows, so it never equals a real model's hash by accident.
  const modelHash = contentHash(attributes);
  return { address, type: 'instance', name: c.tag.instance, attributes, modelHash, leases: [] };
}

function sortById(leases: ChainLease[]): ChainLease[] {
  return leases.sort((a, b) =>
    BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0,
  );
}

const RANK: Readonly<Record<LeaseRecord['status'], number>> = { ready: 0, planned: 1, tainted: 2 };

/**
 * Sorted by key; within one key (a crash between a replacement's create and close leaves two)
 * the one to keep comes first: ready over planned over tainted, then the lowest lease id. The
 * planner deletes the others as duplicates.
 */
function stableByKey(leases: readonly LeaseRecord[]): LeaseRecord[] {
  const id = (l: LeaseRecord): bigint => BigInt(l.leaseId ?? l.orderId);
  return [...leases].sort((a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    if (RANK[a.status] !== RANK[b.status]) return RANK[a.status] - RANK[b.status];
    return id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
  });
}
