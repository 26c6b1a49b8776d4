import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { encodeOrder } from '../../../../../provider/marketplace/encode-order.js';
import type { ResolvedNetwork } from '../../../../../provider/network/network-types.js';
import { instanceSlotCost } from '../../../../../provider/resources/instance/instance-slot-cost.js';
import type { InstanceModel } from '../../../../../provider/spec/model-types.js';
import {
  QUARTER_SECOND_BLOCK_TIMES,
  cmp,
  contractCost,
  hourlyCost,
  rat,
} from '../../../../support/price-oracle.js';
import { baseLike, webInstance } from '../../marketplace/instance-fixture.js';

// The plan's cost of a slot against the order apply sends for it, both checked with the exact
// oracle of test/support/price-oracle.ts: what the plan says it locks is what the contracts
// require of createOrder (and lock at a match at the max price), for every block time and decimals.

/** A network with one token, `TOK`, of `decimals`, and blocks of `ms` milliseconds. */
const network = (ms: bigint, decimals: number): ResolvedNetwork => {
  const tokens = [{ symbol: 'TOK', address: baseLike.tokens[0]?.address ?? '', decimals }];
  return {
    ...baseLike,
    secondsPerBlock: Number(ms) / 1000,
    tokens,
    book: { ...baseLike.book, tokens },
  };
};

const model = (maxPerHour: bigint, durationMs: number): InstanceModel => ({
  ...webInstance,
  duration: durationMs,
  pricing: { token: 'TOK', amount: maxPerHour.toString() },
});

/** The plan's cost of creating one slot, and the order apply sends for it. */
function planAndOrder(o: {
  ms: bigint;
  decimals: number;
  maxPerHour: bigint;
  replicas: number;
  durationMs: number;
}) {
  const net = network(o.ms, o.decimals);
  const desired = model(o.maxPerHour, o.durationMs);
  const cost = instanceSlotCost({
    action: 'create',
    desired,
    replicas: o.replicas,
    priorAttributes: null,
    lease: null,
    network: net,
  });
  const order = encodeOrder({
    stack: 'shop',
    instance: 'web',
    model: desired,
    slot: { key: '0', replicas: o.replicas, region: null },
    network: net,
  });
  return { cost, order };
}

describe('instanceSlotCost against the order apply sends', () => {
  it('GIVEN 7 s blocks and 10 USDC/h WHEN planned and encoded THEN the order offers at most 10/h and the plan locks what createOrder requires', () => {
    const { cost, order } = planAndOrder({
      ms: 7000n,
      decimals: 6,
      maxPerHour: 10_000_000n,
      replicas: 1,
      durationMs: 24 * 3_600_000,
    });
    expect(order.maxPrice).toBe(19_444_444_444_444_444n);
    expect(cmp(hourlyCost(order.maxPrice, 7000n, 6), rat(10_000_000n))).toBeLessThanOrEqual(0);
    expect(cost?.perHourAfter).toBe('10000000');
    expect(cost?.escrowToLock).toBe(contractCost(order.maxPrice, order.numOfBlocks, 6).toString());
  });

  it('GIVEN any block time from 0.25 s to 30 s, decimals 0..18, maximum, replicas and duration WHEN planned and encoded THEN plan escrow = contract lock and neither exceeds the declared max', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...QUARTER_SECOND_BLOCK_TIMES),
          fc.bigInt({ min: 250n, max: 30_000n }),
        ),
        fc.integer({ min: 0, max: 18 }),
        fc.bigInt({ min: 1n, max: 10n ** 25n }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 90 * 24 * 3_600_000 }),
        (ms, decimals, maxPerHour, replicas, durationMs) => {
          const o = { ms, decimals, maxPerHour, replicas, durationMs };
          const { cost, order } = planAndOrder(o);
          const cap = maxPerHour * BigInt(replicas);
          expect(cost?.escrowToLock).toBe(
            contractCost(order.maxPrice, order.numOfBlocks, decimals).toString(),
          );
          expect(cmp(hourlyCost(order.maxPrice, ms, decimals), rat(cap))).toBeLessThanOrEqual(0);
          expect(BigInt(cost?.perHourAfter ?? '-1') <= cap).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
