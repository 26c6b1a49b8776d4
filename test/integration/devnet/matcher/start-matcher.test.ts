import { describe, expect, it } from '@jest/globals';
import type { MatcherChain } from '../../../../devnet/matcher/matcher-chain.js';
import type { CandidateBid } from '../../../../devnet/matcher/select-bid.js';
import { startMatcher } from '../../../../devnet/matcher/start-matcher.js';
import { waitFor } from '../../../support/wait-for.js';

// An in-memory chain: the loop's timing rules (window, retry per block, restart scan) are what
// is under test; the real chain path is covered by the lifecycle integration tests.
function fakeChain() {
  const state = {
    block: 10,
    orders: new Map<bigint, { block: number; maxPrice: bigint; state: number }>(),
    bids: new Map<bigint, CandidateBid[]>(),
    matched: [] as { orderId: bigint; provider: string; price: bigint; block: number }[],
    closed: false,
    /** blockNumber() calls: each matcher poll starts with one. */
    polls: 0,
  };
  const chain: MatcherChain = {
    blockNumber: async () => {
      state.polls += 1;
      return state.block;
    },
    ordersCreated: async (from, to) =>
      [...state.orders]
        .filter(([, o]) => o.block >= from && o.block <= to)
        .map(([orderId, o]) => ({ orderId, block: o.block })),
    readOrder: async (id) => {
      const o = state.orders.get(id);
      if (o === undefined) throw new Error('OrderNotFound');
      return { id, maxPrice: o.maxPrice, state: o.state };
    },
    readBids: async (id) => state.bids.get(id) ?? [],
    matchOrder: async (orderId, provider, price) => {
      const o = state.orders.get(orderId);
      if (o !== undefined) o.state = 3;
      state.matched.push({ orderId, provider, price, block: state.block });
      return `0x${orderId}`;
    },
    close: () => {
      state.closed = true;
    },
  };
  return { state, chain };
}

/** Waits until a whole matcher poll has run since now: two more polls have started. */
async function settle(state: { polls: number }): Promise<void> {
  const from = state.polls;
  await waitFor('a whole matcher poll', () => state.polls >= from + 2);
}
const bid = (providerId: bigint, bidPrice: bigint): CandidateBid => ({
  provider: `0xp${providerId}`,
  providerId,
  bidPrice,
  timestamp: 1n,
});

describe('startMatcher', () => {
  it('GIVEN an order with bids WHEN the window passes THEN the cheapest bid is matched, not before', async () => {
    const { state, chain } = fakeChain();
    const lines: string[] = [];
    const m = startMatcher({
      chain,
      providerNames: ['a', 'b'],
      fromBlock: 1,
      pollMs: 5,
      log: (l) => lines.push(l),
    });
    state.orders.set(1n, { block: 11, maxPrice: 100n, state: 0 });
    state.bids.set(1n, [bid(1n, 80n), bid(2n, 60n)]);
    state.block = 12;
    await settle(state);
    expect(state.matched).toEqual([]);
    state.block = 13;
    await settle(state);
    expect(state.matched).toEqual([{ orderId: 1n, provider: '0xp2', price: 60n, block: 13 }]);
    expect(m.openOrders()).toEqual([]);
    await m.stop();
    expect(state.closed).toBe(true);
    expect(lines.some((l) => l.includes('order 1 matched to provider 2 at 60'))).toBe(true);
  });

  it('GIVEN an order nobody bids on WHEN refusals arrive THEN it stays open with the aggregated reason, logged once', async () => {
    const { state, chain } = fakeChain();
    const lines: string[] = [];
    const m = startMatcher({
      chain,
      providerNames: ['a', 'b'],
      fromBlock: 1,
      pollMs: 5,
      log: (l) => lines.push(l),
    });
    state.orders.set(2n, { block: 10, maxPrice: 100n, state: 0 });
    m.reportRefusal('a', 2n, 'region=ap-south');
    m.reportRefusal('b', 2n, 'region=ap-south; gpu model h200');
    state.block = 12;
    await settle(state);
    state.block = 13;
    await settle(state);
    expect(m.unmatchedReason(2n)).toBe(
      'no provider met: region=ap-south (0/2), gpu model h200 (1/2)',
    );
    expect(lines.filter((l) => l.includes('order 2 unmatched')).length).toBe(1);
    expect(m.openOrders()).toEqual([2n]);
    state.bids.set(2n, [bid(1n, 50n)]);
    state.block = 14;
    await settle(state);
    expect(state.matched.map((x) => x.orderId)).toEqual([2n]);
    expect(m.unmatchedReason(2n)).toBeNull();
    await m.stop();
  });

  it('GIVEN a restart WHEN an open order predates it THEN the scan from fromBlock finds and matches it', async () => {
    const { state, chain } = fakeChain();
    state.orders.set(5n, { block: 3, maxPrice: 10n, state: 0 });
    state.orders.set(6n, { block: 4, maxPrice: 10n, state: 3 });
    state.bids.set(5n, [bid(4n, 10n)]);
    const m = startMatcher({
      chain,
      providerNames: ['a'],
      fromBlock: 2,
      pollMs: 5,
      log: () => undefined,
    });
    await settle(state);
    expect(state.matched.map((x) => x.orderId)).toEqual([5n]);
    expect(m.openOrders()).toEqual([]);
    await m.stop();
  });

  it('GIVEN automine WHEN no block arrives THEN the time window still closes', async () => {
    const { state, chain } = fakeChain();
    let clock = 0;
    const m = startMatcher({
      chain,
      providerNames: ['a'],
      fromBlock: 1,
      pollMs: 5,
      windowMs: 500,
      now: () => clock,
      log: () => undefined,
    });
    state.orders.set(7n, { block: 10, maxPrice: 10n, state: 0 });
    state.bids.set(7n, [bid(1n, 5n)]);
    await settle(state);
    expect(state.matched).toEqual([]);
    clock = 600;
    await settle(state);
    expect(state.matched.map((x) => x.orderId)).toEqual([7n]);
    await m.stop();
  });
});
