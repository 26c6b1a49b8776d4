import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  askPricePerBlock,
  blockMs,
  blocksForDuration,
  costOfBlocks,
  hoursOfBlocks,
  maxPricePerBlock,
  orderTerms,
  perHourOfPrice,
  unspentLock,
} from '../../../wire/block-pricing.js';
import {
  QUARTER_SECOND_BLOCK_TIMES,
  blocksNeeded,
  ceil,
  cmp,
  contractCost,
  contractUnlockAtSettle,
  div,
  floor,
  hourlyCost,
  mul,
  rat,
} from '../../support/price-oracle.js';

// Every conversion checked against the exact rational oracle of test/support/price-oracle.ts, for
// every block time a network can take from 0.25 s to 30 s and every token decimals 0..18.
const DECIMALS = Array.from({ length: 19 }, (_, d) => d);
const spb = (ms: bigint): number => Number(ms) / 1000;

/** The declared maxima tried at every block time: a dust amount, round and odd token amounts. */
const declared = (decimals: number): { maxPerHour: bigint; replicas: number }[] => {
  const token = 10n ** BigInt(decimals);
  return [
    { maxPerHour: 1n, replicas: 1 },
    { maxPerHour: 10n * token, replicas: 1 },
    { maxPerHour: 8n * token, replicas: 3 },
    { maxPerHour: 7_777_777n, replicas: 7 },
  ];
};

/** Block times in ms: the quarter-second steps, or any whole millisecond in range. */
const blockTimes = fc.oneof(
  fc.constantFrom(...QUARTER_SECOND_BLOCK_TIMES),
  fc.bigInt({ min: 250n, max: 30_000n }),
);

/** What a max price gets wrong against the oracle; [] when nothing. */
function maxPriceProblems(o: {
  maxPerHour: bigint;
  replicas: number;
  ms: bigint;
  decimals: number;
}): string[] {
  const cap = rat(o.maxPerHour * BigInt(o.replicas));
  const secondsPerBlock = spb(o.ms);
  const price = maxPricePerBlock({ ...o, secondsPerBlock });
  const perHour = perHourOfPrice({ pricePerBlock: price, decimals: o.decimals, secondsPerBlock });
  const at = `${JSON.stringify({ ...o, maxPerHour: String(o.maxPerHour), ms: String(o.ms) })}, price ${price}`;
  const problems: string[] = [];
  // price × blocks per hour never exceeds the declared maximum …
  if (cmp(hourlyCost(price, o.ms, o.decimals), cap) > 0) problems.push(`above the max: ${at}`);
  // … and is the largest price that does not (so the check above cannot pass by offering 0).
  if (cmp(hourlyCost(price + 1n, o.ms, o.decimals), cap) <= 0)
    problems.push(`not the largest: ${at}`);
  // What status and no-match explanations print for it: exact ceil, never above the maximum.
  if (perHour !== ceil(hourlyCost(price, o.ms, o.decimals)))
    problems.push(`per hour ${perHour}: ${at}`);
  if (perHour > o.maxPerHour * BigInt(o.replicas)) problems.push(`shown above the max: ${at}`);
  return problems;
}

describe('block pricing', () => {
  it('GIVEN 7 s blocks and 10 USDC/h declared WHEN priced THEN the order offers at most 10 USDC/h (the floored 514 blocks/h offered 10.0056)', () => {
    const input = { maxPerHour: 10_000_000n, replicas: 1, decimals: 6, secondsPerBlock: 7 };
    expect(maxPricePerBlock(input)).toBe(19_444_444_444_444_444n);
    expect(
      perHourOfPrice({ pricePerBlock: 19_444_444_444_444_444n, decimals: 6, secondsPerBlock: 7 }),
    ).toBe(10_000_000n);
    // The price the floored conversion used to offer now shows what it really costs per hour.
    expect(
      perHourOfPrice({ pricePerBlock: 19_455_252_918_287_937n, decimals: 6, secondsPerBlock: 7 }),
    ).toBe(10_005_559n);
  });

  it('GIVEN every quarter-second block time from 0.25 s to 30 s and every decimals 0..18 WHEN max prices are computed THEN each is the largest price within the declared maximum', () => {
    const problems = QUARTER_SECOND_BLOCK_TIMES.flatMap((ms) =>
      DECIMALS.flatMap((decimals) =>
        declared(decimals).flatMap((d) => maxPriceProblems({ ...d, ms, decimals })),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('GIVEN any block time in ms, decimals, maximum and replicas WHEN max prices are computed THEN they stay within the declared maximum', () => {
    fc.assert(
      fc.property(
        blockTimes,
        fc.integer({ min: 0, max: 18 }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 1, max: 100 }),
        (ms, decimals, maxPerHour, replicas) => {
          expect(maxPriceProblems({ ms, decimals, maxPerHour, replicas })).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('GIVEN any block time, decimals and duration WHEN order terms are made THEN blocks cover the duration and the escrow is what the contracts require and lock', () => {
    fc.assert(
      fc.property(
        blockTimes,
        fc.integer({ min: 0, max: 18 }),
        fc.bigInt({ min: 1n, max: 10n ** 27n }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 366 * 24 * 3_600_000 }),
        (ms, decimals, maxPerHour, replicas, durationMs) => {
          const t = orderTerms({
            maxPerHour,
            replicas,
            decimals,
            secondsPerBlock: spb(ms),
            durationMs,
          });
          expect(t.numOfBlocks).toBe(blocksNeeded(BigInt(durationMs), ms));
          expect(t.numOfBlocks * ms >= BigInt(durationMs)).toBe(true);
          expect((t.numOfBlocks - 1n) * ms < BigInt(durationMs)).toBe(true);
          expect(t.maxPrice).toBe(
            maxPricePerBlock({ maxPerHour, replicas, decimals, secondsPerBlock: spb(ms) }),
          );
          expect(t.escrow).toBe(contractCost(t.maxPrice, t.numOfBlocks, decimals));
          expect(t.perHour).toBe(ceil(hourlyCost(t.maxPrice, ms, decimals)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('GIVEN any price, blocks and decimals WHEN costed THEN it is the contracts Pricing.cost', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 0, max: 18 }),
        (pricePerBlock, blocks, decimals) => {
          expect(costOfBlocks({ pricePerBlock, blocks, decimals })).toBe(
            contractCost(pricePerBlock, blocks, decimals),
          );
        },
      ),
    );
  });

  it('GIVEN any price per block WHEN converted per hour THEN it is the exact hourly cost rounded up', () => {
    fc.assert(
      fc.property(
        blockTimes,
        fc.integer({ min: 0, max: 18 }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        (ms, decimals, pricePerBlock) => {
          expect(perHourOfPrice({ pricePerBlock, decimals, secondsPerBlock: spb(ms) })).toBe(
            ceil(hourlyCost(pricePerBlock, ms, decimals)),
          );
        },
      ),
    );
  });

  it('GIVEN an hourly rate as a fraction WHEN a provider asks per block THEN the ask covers the rate by less than one unit', () => {
    fc.assert(
      fc.property(
        blockTimes,
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        (ms, numerator, denominator) => {
          const ask = askPricePerBlock({ numerator, denominator, secondsPerBlock: spb(ms) });
          const exactPerBlock = div(rat(numerator, denominator), div(rat(3600n), rat(ms, 1000n)));
          expect(ask).toBe(ceil(exactPerBlock));
        },
      ),
    );
  });

  it('GIVEN blocks left WHEN converted to hours THEN hours rounded down to two decimals', () => {
    expect(hoursOfBlocks(1800n, 2)).toBe(1);
    expect(hoursOfBlocks(0n, 2)).toBe(0);
    expect(hoursOfBlocks(-5n, 2)).toBe(0);
    fc.assert(
      fc.property(blockTimes, fc.bigInt({ min: 1n, max: 10n ** 9n }), (ms, blocks) => {
        const hours = mul(rat(blocks), div(rat(ms, 1000n), rat(3600n)));
        expect(hoursOfBlocks(blocks, spb(ms))).toBe(Number(floor(mul(hours, rat(100n)))) / 100);
      }),
    );
  });

  it('GIVEN a lease settled at any block WHEN its unspent lock is computed THEN it is what ComputeLease unlocks', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 24n }),
        fc.bigInt({ min: 1n, max: 10n ** 7n }),
        fc.bigInt({ min: 0n, max: 10n ** 7n }),
        fc.bigInt({ min: -10n, max: 2n * 10n ** 7n }),
        fc.integer({ min: 0, max: 18 }),
        (price, numOfBlocks, startBlock, offset, decimals) => {
          const o = { price, numOfBlocks, startBlock, atBlock: startBlock + offset, decimals };
          expect(unspentLock({ ...o, acceptedPrice: price })).toBe(contractUnlockAtSettle(o));
        },
      ),
    );
  });

  it('GIVEN the issue repro (2 s blocks, 8 USDC/h, 24 h lease, 20 h in) WHEN the lock left is computed THEN 32 USDC of the 192 locked', () => {
    const t = orderTerms({
      maxPerHour: 8_000_000n,
      replicas: 1,
      decimals: 6,
      secondsPerBlock: 2,
      durationMs: 24 * 3_600_000,
    });
    expect(t.escrow).toBe(192_000_000n);
    const twentyHours = blocksForDuration(20 * 3_600_000, 2);
    const left = unspentLock({
      acceptedPrice: t.maxPrice,
      numOfBlocks: t.numOfBlocks,
      startBlock: 100n,
      atBlock: 100n + twentyHours,
      decimals: 6,
    });
    expect(left).toBe(32_000_000n);
  });

  it('GIVEN a block time that is not a positive number WHEN used THEN RangeError', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => blockMs(bad)).toThrow(RangeError);
    expect(blockMs(0.25)).toBe(250n);
    expect(blockMs(7)).toBe(7000n);
  });
});
