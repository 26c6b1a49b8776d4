/**
 * An order on chain as a {@link PricedOrder}: its size summed from its spec's services (every
 * replica), with the price it was accepted at. Null when the spec cannot be read.
 */
import { decodeOrderSpec } from '../../wire/order-spec.js';
import type { OrderInfo } from '../marketplace/marketplace-types.js';
import type { PricedOrder } from './decide-price-vs-market.js';

/** @example pricedOrderOf(order, 10n ** 15n) // { pricePerBlock: 10n ** 15n, cpuMillis: 2000, gpus: 0, token } */
export function pricedOrderOf(order: OrderInfo, pricePerBlock: bigint): PricedOrder | null {
  try {
    const spec = decodeOrderSpec(order.spec);
    let cpuMillis = 0;
    let gpus = 0;
    for (const s of spec.services) {
      const n = Math.max(1, s.count);
      cpuMillis += s.resources.cpuMillis * n;
      gpus += s.resources.gpuUnits * n;
    }
    return { pricePerBlock, token: order.token.toLowerCase(), cpuMillis, gpus };
  } catch {
    return null;
  }
}
