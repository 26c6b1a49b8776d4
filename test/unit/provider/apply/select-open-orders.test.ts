import { describe, expect, it } from '@jest/globals';
import { selectOpenOrders } from '../../../../provider/apply/select-open-orders.js';
import type { OrderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import { encodeStackTag } from '../../../../provider/marketplace/stack-tag.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import { encodeOrderSpec } from '../../../../wire/order-spec.js';
import { maxPricePerBlock } from '../../../../wire/block-pricing.js';

// Issue 11 item 7: open orders of the stack that no slot owns, with their cost if matched later.
const USDT = '0xaa';
const spec = (stack: string, instance = 'web', key = '0'): string =>
  encodeOrderSpec({ name: encodeStackTag({ stack, instance, key }), placement: [], services: [] });
const info = (id: number, over: Partial<OrderInfo> = {}): OrderInfo => ({
  id: BigInt(id),
  maxPrice: maxPricePerBlock({
    maxPerHour: 4_000_000n,
    replicas: 1,
    decimals: 6,
    secondsPerBlock: 2,
  }),
  numOfBlocks: 100n,
  token: USDT,
  creator: '0xme',
  state: 'open',
  spec: spec('shop'),
  version: 2,
  mode: 'provider',
  tiers: [],
  ...over,
});
const stateOwning = (orderId: string): StackState =>
  ({
    resources: [{ leases: [{ orderId, leaseId: null }] }],
  }) as unknown as StackState;
const select = (orders: (OrderInfo | null)[], state: StackState | null = null) =>
  selectOpenOrders({
    stack: 'shop',
    state,
    orders,
    tokens: new Map([[USDT, { symbol: 'USDT', decimals: 6 }]]),
    secondsPerBlock: 2,
  });

describe('selectOpenOrders', () => {
  it('GIVEN an open order of the stack no slot owns WHEN selected THEN listed with its max per hour', () => {
    expect(select([info(7, { spec: spec('shop', 'api', '1') })])).toEqual([
      {
        orderId: '7',
        address: 'instance.api[1]',
        maxPerHour: '4000000',
        token: 'USDT',
        decimals: 6,
      },
    ]);
  });

  it('GIVEN orders matched, closed, of another stack, untagged, owned by state or unknown WHEN selected THEN none listed', () => {
    const orders = [
      info(1, { state: 'matched' }),
      info(2, { state: 'closed' }),
      info(3, { spec: spec('other') }),
      info(4, { spec: encodeOrderSpec({ name: 'my-app', placement: [], services: [] }) }),
      info(5),
      info(6, { token: '0xcc' }),
      null,
    ];
    expect(select(orders, stateOwning('5'))).toEqual([]);
  });
});
