import { describe, expect, it } from '@jest/globals';
import { decidePriceVsMarket } from '../../../../provider/apply/decide-price-vs-market.js';
import type { PricedOrder } from '../../../../provider/apply/decide-price-vs-market.js';
import { maxPricePerBlock } from '../../../../wire/block-pricing.js';

// Issue 11 item 7: the slot's max against recently accepted prices, per CPU core-hour or GPU-hour.
const USDT = '0xaa';
const perBlock = (usdtPerHour: string): bigint =>
  maxPricePerBlock({
    maxPerHour: BigInt(Math.round(Number(usdtPerHour) * 1e6)),
    replicas: 1,
    decimals: 6,
    secondsPerBlock: 1,
  });
const order = (perHour: string, cpuMillis: number, gpus = 0, token = USDT): PricedOrder => ({
  pricePerBlock: perBlock(perHour),
  token,
  cpuMillis,
  gpus,
});
const run = (slot: PricedOrder, recent: PricedOrder[]) =>
  decidePriceVsMarket({
    slot,
    recent,
    windowBlocks: 5000,
    token: { symbol: 'USDT', decimals: 6 },
    secondsPerBlock: 1,
  });

describe('decidePriceVsMarket', () => {
  it('GIVEN a max per CPU below every accepted price per CPU WHEN compared THEN a warning in human units', () => {
    // 0.02 USDT/h for 2 CPU = 0.01 per CPU; accepted 0.05 and 0.08 per CPU.
    const r = run(order('0.02', 2000), [order('0.05', 1000), order('0.32', 4000)]);
    expect(r?.message).toBe(
      'your max 0.01 USDT/h per CPU is below every price accepted in the last 5000 blocks (lowest 0.05 USDT/h per CPU, 2 matches)',
    );
  });

  it('GIVEN one accepted price at or below the max per CPU WHEN compared THEN no warning, whatever the order sizes', () => {
    // 0.4 USDT/h for 8 CPU = 0.05 per CPU: a bigger order at the same unit price does not warn.
    expect(run(order('0.02', 2000), [order('0.4', 8000), order('0.01', 1000)])).toBeNull();
    expect(run(order('0.1', 2000), [order('0.05', 1000)])).toBeNull();
  });

  it('GIVEN a GPU slot WHEN only CPU orders matched recently THEN nothing to compare (no warning)', () => {
    expect(run(order('0.5', 4000, 1), [order('5', 1000)])).toBeNull();
  });

  it('GIVEN a GPU slot below every GPU match per GPU-hour WHEN compared THEN warned per GPU', () => {
    const r = run(order('0.5', 4000, 1), [order('1.2', 8000, 2), order('5', 1000)]);
    expect(r?.message).toContain('your max 0.5 USDT/h per GPU');
    expect(r?.message).toContain('(lowest 0.6 USDT/h per GPU, 1 match)');
  });

  it('GIVEN matches paid in another token or no matches WHEN compared THEN no warning', () => {
    expect(run(order('0.01', 1000), [order('5', 1000, 0, '0xbb')])).toBeNull();
    expect(run(order('0.01', 1000), [])).toBeNull();
  });
});
