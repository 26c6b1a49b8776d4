import { describe, expect, it } from '@jest/globals';
import {
  bidPricePerBlock,
  decideBidPrice,
} from '../../../../devnet/provider-daemon/decide-bid-price.js';
import type { OrderSpec } from '../../../../wire/index.js';

const GiB = 2 ** 30;
const spec = (cpuMillis: number, memoryBytes: number, gpuUnits = 0, count = 1): OrderSpec => ({
  name: 'x',
  placement: [],
  services: [
    {
      name: 'web',
      count,
      resources: {
        id: 1,
        cpuMillis,
        cpuAttributes: [],
        memoryBytes,
        memoryAttributes: [],
        storage: [],
        gpuUnits,
        gpuAttributes: [],
        endpoints: [],
      },
    },
  ],
});
const prices = { cpuCoreHour: '0.10', memoryGiBHour: '0.01', gpuHour: '0.60' };

describe('bidPricePerBlock', () => {
  it('GIVEN 1 core and 1 GiB at 0.11/h and 2 s blocks WHEN priced THEN 0.11 × 1e18 / 1800, rounded up', () => {
    // 0.11e18 / 1800 = 61111111111111.11… → 61111111111112
    expect(bidPricePerBlock(prices, spec(1000, GiB), 2)).toBe(61_111_111_111_112n);
  });

  it('GIVEN 1 s blocks WHEN priced THEN half the 2 s price (up to rounding)', () => {
    expect(bidPricePerBlock(prices, spec(1000, GiB), 1)).toBe(30_555_555_555_556n);
  });

  it('GIVEN replicas and GPUs WHEN priced THEN they multiply', () => {
    // 2 × (0.5 × 0.10 + 0.5 × 0.01 + 1 × 0.60) = 1.31 per hour; / 3600 per 1 s block
    expect(bidPricePerBlock(prices, spec(500, GiB / 2, 1, 2), 1)).toBe(363_888_888_888_889n);
  });

  it('GIVEN a free spec WHEN priced THEN the ask is never 0', () => {
    expect(bidPricePerBlock(prices, spec(0, 0), 1)).toBe(1n);
  });
});

describe('decideBidPrice', () => {
  it('GIVEN a max price at the ask WHEN decided THEN bid at the ask', () => {
    const ask = bidPricePerBlock(prices, spec(1000, GiB), 1);
    expect(
      decideBidPrice({ prices, spec: spec(1000, GiB), secondsPerBlock: 1, maxPrice: ask }),
    ).toEqual({ ok: true, price: ask });
  });

  it('GIVEN a max price below the ask WHEN decided THEN refuse naming both', () => {
    const r = decideBidPrice({ prices, spec: spec(1000, GiB), secondsPerBlock: 1, maxPrice: 10n });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('maxPrice 10');
  });
});
