/** One bid as the matcher sees it: `Bid.getAllBidsForOrder` joined with the provider's registry id. */
export interface CandidateBid {
  readonly provider: string;
  /** Registry id of the provider; the last tie-breaker. */
  readonly providerId: bigint;
  /** Per block, scaled by 1e18, as placed. */
  readonly bidPrice: bigint;
  /** Block timestamp of the bid (seconds); earlier wins a price tie. */
  readonly timestamp: bigint;
}

/** What selection needs of the order. */
export interface SelectBidOrder {
  readonly id: bigint;
  /** Per block, scaled by 1e18. */
  readonly maxPrice: bigint;
}

/** The winning bid, or null with the reasons no bid could win. */
export interface SelectBidResult {
  readonly selected: CandidateBid | null;
  /** Why each bid was set aside (or why there is no winner); for the matcher's log. */
  readonly reasons: readonly string[];
}

/**
 * Picks the bid the matcher submits to `matchOrder`: the lowest price at or under the order's max
 * price; ties go to the earlier bid, then the lower provider id, so the choice never depends on
 * the order the chain returned the bids in.
 */
export function selectBid(bids: readonly CandidateBid[], order: SelectBidOrder): SelectBidResult {
  const reasons: string[] = [];
  const eligible: CandidateBid[] = [];
  for (const bid of bids) {
    if (bid.bidPrice > order.maxPrice) {
      reasons.push(
        `bid of provider ${bid.providerId} (${bid.bidPrice}) is above the max price ${order.maxPrice}`,
      );
    } else {
      eligible.push(bid);
    }
  }
  if (bids.length === 0) reasons.push(`order ${order.id} has no bids`);
  const selected = eligible.reduce<CandidateBid | null>(
    (best, bid) => (best === null || compareBids(bid, best) < 0 ? bid : best),
    null,
  );
  if (selected === null && bids.length > 0) reasons.push(`no bid of order ${order.id} is eligible`);
  return { selected, reasons };
}

function compareBids(a: CandidateBid, b: CandidateBid): number {
  if (a.bidPrice !== b.bidPrice) return a.bidPrice < b.bidPrice ? -1 : 1;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp ? -1 : 1;
  if (a.providerId !== b.providerId) return a.providerId < b.providerId ? -1 : 1;
  return 0;
}
