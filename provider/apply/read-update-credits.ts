/**
 * What each in-place update may count towards its new lock: the unspent part of its own lease's
 * lock, as `Bid.updateOrder` → `ComputeLease.closeAndRenewLease` settles it (the elapsed blocks
 * are paid to the provider, the rest unlocked, then the new terms locked). Never the wallet's
 * other locks: the chain does not release them.
 */
import { blocksForDuration, unspentLock } from '../../wire/block-pricing.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';

/** Options of {@link readUpdateCredits}. */
export interface ReadUpdateCreditsInput {
  readonly marketplace: Marketplace;
  /** Lowercase wallet address: a lease of anyone else is credited nothing. */
  readonly tenant: string;
  /** Lease ids of the plan's in-place updates. */
  readonly leaseIds: readonly bigint[];
  /**
   * How long after now an update may still land, ms (apply waits `matchMs` for the provider to
   * accept and `manifestMs` for the manifest): each credit is taken at the last block of that
   * window, since every block that passes first is paid to the provider.
   */
  readonly landsWithinMs: number;
}

/** Credit per lease id (decimal string), base units of the lease's token; 0 for a lease not found active. */
export async function readUpdateCredits(
  input: ReadUpdateCreditsInput,
): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  if (input.leaseIds.length === 0) return out;
  const m = input.marketplace;
  const [head, leases, orders] = await Promise.all([
    m.blockNumber(),
    m.readLeases(input.leaseIds),
    m.readOrders(input.leaseIds),
  ]);
  const atBlock = BigInt(head) + blocksForDuration(input.landsWithinMs, m.network.secondsPerBlock);
  input.leaseIds.forEach((id, i) => {
    const lease = leases[i];
    const order = orders[i];
    const token = m.network.tokens.find(
      (t) => t.address.toLowerCase() === order?.token.toLowerCase(),
    );
    const ours =
      lease !== null &&
      lease !== undefined &&
      lease.state === 'active' &&
      lease.tenant === input.tenant;
    if (!ours || order === null || order === undefined || token === undefined) {
      out.set(id.toString(), 0n);
      return;
    }
    out.set(
      id.toString(),
      unspentLock({
        acceptedPrice: lease.acceptedPrice,
        // The order's numOfBlocks is the running lease's: an update rewrites both at once.
        numOfBlocks: order.numOfBlocks,
        startBlock: BigInt(lease.startBlock),
        atBlock,
        decimals: token.decimals,
      }),
    );
  });
  return out;
}
