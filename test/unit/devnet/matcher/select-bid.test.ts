import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { selectBid } from '../../../../devnet/matcher/select-bid.js';
import type { CandidateBid } from '../../../../devnet/matcher/select-bid.js';

const order = { id: 7n, maxPrice: 100n };
const bid = (providerId: bigint, bidPrice: bigint, timestamp = 10n): CandidateBid => ({
  provider: `0x${providerId.toString(16).padStart(40, '0')}`,
  providerId,
  bidPrice,
  timestamp,
});

describe('selectBid', () => {
  it('GIVEN no bids WHEN selecting THEN nothing is selected and the reason says so', () => {
    const res = selectBid([], order);
    expect(res.selected).toBeNull();
    expect(res.reasons).toEqual(['order 7 has no bids']);
  });

  it('GIVEN bids at different prices WHEN selecting THEN the lowest price wins', () => {
    const res = selectBid([bid(1n, 90n), bid(2n, 40n), bid(3n, 60n)], order);
    expect(res.selected?.providerId).toBe(2n);
    expect(res.reasons).toEqual([]);
  });

  it('GIVEN a bid exactly at the max price WHEN selecting THEN it is eligible', () => {
    expect(selectBid([bid(4n, 100n)], order).selected?.providerId).toBe(4n);
  });

  it('GIVEN only bids above the max price WHEN selecting THEN none wins and each is explained', () => {
    const res = selectBid([bid(1n, 101n), bid(2n, 150n)], order);
    expect(res.selected).toBeNull();
    expect(res.reasons).toEqual([
      'bid of provider 1 (101) is above the max price 100',
      'bid of provider 2 (150) is above the max price 100',
      'no bid of order 7 is eligible',
    ]);
  });

  it('GIVEN equal prices WHEN selecting THEN the earlier bid wins over a lower provider id', () => {
    const res = selectBid([bid(1n, 50n, 12n), bid(5n, 50n, 11n)], order);
    expect(res.selected?.providerId).toBe(5n);
  });

  it('GIVEN equal prices at the same time WHEN selecting THEN the lower provider id wins', () => {
    const res = selectBid([bid(4n, 50n), bid(2n, 50n), bid(3n, 50n)], order);
    expect(res.selected?.providerId).toBe(2n);
  });

  it('GIVEN any bids WHEN they are shuffled THEN the same bid is selected, never above max price', () => {
    const arbBid = fc
      .record({ id: fc.bigInt(1n, 20n), price: fc.bigInt(1n, 200n), ts: fc.bigInt(1n, 5n) })
      .map((r) => bid(r.id, r.price, r.ts));
    fc.assert(
      fc.property(
        fc.uniqueArray(arbBid, { selector: (b) => b.providerId, maxLength: 8 }),
        (bids) => {
          const a = selectBid(bids, order).selected;
          const b = selectBid([...bids].reverse(), order).selected;
          expect(a).toEqual(b);
          if (a !== null) {
            expect(a.bidPrice <= order.maxPrice).toBe(true);
            for (const other of bids)
              if (other.bidPrice <= order.maxPrice) expect(a.bidPrice <= other.bidPrice).toBe(true);
          } else {
            expect(bids.every((x) => x.bidPrice > order.maxPrice)).toBe(true);
          }
        },
      ),
    );
  });
});
