/**
 * A provider's ask for an order: its hourly rates (per CPU core, per GiB of memory, per GPU) over
 * everything the spec asks for, as a per-block price scaled by 1e18 (reference §2.7), whatever the
 * token's decimals. Rounded up once at the end so the provider never under-charges itself.
 */
import { parseUnits } from 'ethers';
import type { ProviderPrices } from '../config/load-provider-config.js';
import { askPricePerBlock } from '../../wire/block-pricing.js';
import type { OrderSpec } from '../../wire/order-spec.js';

/** Input of {@link decideBidPrice}. */
export interface DecideBidPriceInput {
  readonly prices: ProviderPrices;
  readonly spec: OrderSpec;
  /** The network's block time; the devnet default is 1. */
  readonly secondsPerBlock: number;
  /** The order's max price per block, 1e18-scaled. */
  readonly maxPrice: bigint;
}

/** The bid, or why the provider will not bid. */
export type DecideBidPriceResult =
  | { readonly ok: true; readonly price: bigint }
  | { readonly ok: false; readonly price: bigint; readonly reason: string };

const GiB = 2n ** 30n;
const MILLI = 1000n;

/** The per-block price (1e18-scaled) of running `spec` at `prices`; at least 1. */
export function bidPricePerBlock(
  prices: ProviderPrices,
  spec: OrderSpec,
  secondsPerBlock: number,
): bigint {
  const cpu = parseUnits(prices.cpuCoreHour, 18);
  const mem = parseUnits(prices.memoryGiBHour, 18);
  const gpu = parseUnits(prices.gpuHour, 18);
  // One common denominator (milli-cores × GiB) so nothing is rounded before the end.
  let perHourNumerator = 0n;
  for (const s of spec.services) {
    const r = s.resources;
    const replica =
      cpu * BigInt(r.cpuMillis) * GiB +
      mem * BigInt(r.memoryBytes) * MILLI +
      gpu * BigInt(r.gpuUnits) * MILLI * GiB;
    perHourNumerator += replica * BigInt(s.count);
  }
  const price = askPricePerBlock({
    numerator: perHourNumerator,
    denominator: MILLI * GiB,
    secondsPerBlock,
  });
  return price > 0n ? price : 1n;
}

/** Prices the order and refuses when the ask is above its max price. */
export function decideBidPrice(input: DecideBidPriceInput): DecideBidPriceResult {
  const price = bidPricePerBlock(input.prices, input.spec, input.secondsPerBlock);
  if (price > input.maxPrice) {
    return {
      ok: false,
      price,
      reason: `maxPrice ≥ ask (ask ${price} > maxPrice ${input.maxPrice})`,
    };
  }
  return { ok: true, price };
}
