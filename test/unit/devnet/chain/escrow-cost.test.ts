import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { escrowCost } from '../../../../devnet/chain/escrow-cost.js';

describe('escrowCost', () => {
  it('GIVEN 10 tokens per hour at 1800 blocks per hour WHEN 3600 blocks are priced at 6 decimals THEN it is 20 tokens rounded up', () => {
    // The SDK's maxPrice for 10/h is round(10e18/1800) = 5555555555555556 (reference §3.2).
    expect(escrowCost({ pricePerBlock: 5_555_555_555_555_556n, blocks: 3600n, decimals: 6 })).toBe(
      20_000_001n,
    );
  });

  it('GIVEN an exact price WHEN priced THEN nothing is rounded', () => {
    expect(escrowCost({ pricePerBlock: 10n ** 18n, blocks: 7n, decimals: 6 })).toBe(7_000_000n);
  });

  it('GIVEN a dust price WHEN one block is priced THEN one base unit is charged, never zero', () => {
    expect(escrowCost({ pricePerBlock: 1n, blocks: 1n, decimals: 6 })).toBe(1n);
    expect(escrowCost({ pricePerBlock: 0n, blocks: 9n, decimals: 6 })).toBe(0n);
  });

  it('GIVEN any price and blocks WHEN priced THEN the cost covers the exact amount by less than one unit and grows with blocks', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.bigInt({ min: 0n, max: 10n ** 8n }),
        fc.integer({ min: 0, max: 18 }),
        (price, blocks, decimals) => {
          const exact = price * blocks * 10n ** BigInt(decimals);
          const cost = escrowCost({ pricePerBlock: price, blocks, decimals });
          expect(cost * 10n ** 18n >= exact).toBe(true);
          expect((cost - 1n) * 10n ** 18n < exact || cost === 0n).toBe(true);
          expect(escrowCost({ pricePerBlock: price, blocks: blocks + 1n, decimals }) >= cost).toBe(
            true,
          );
        },
      ),
    );
  });
});
