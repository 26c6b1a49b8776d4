import { describe, expect, it } from '@jest/globals';
import { encodeOrder } from '../../../../provider/marketplace/encode-order.js';
import type { OrderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import { attributesFromOrder } from '../../../../provider/refresh/attributes-from-order.js';
import { chainLeaseFromOrder } from '../../../../provider/refresh/chain-lease-from-order.js';
import { instance, testNetwork } from '../resources/resource-fixtures.js';

function orderOf(spec: string): OrderInfo {
  return {
    id: 42n,
    maxPrice: 1n,
    numOfBlocks: 3600n,
    token: testNetwork().tokens[0]?.address ?? '',
    creator: '0xabc',
    state: 'open',
    spec,
    version: 1,
    mode: 'provider',
    tiers: [3, 1],
  };
}

describe('chainLeaseFromOrder', () => {
  it('GIVEN an order Leasehold encoded for a region slot WHEN read back THEN tag, replicas, region and resources come out', () => {
    const details = encodeOrder({
      stack: 'shop',
      instance: 'web',
      model: instance({ count: 3 }),
      slot: { key: 'us-east', replicas: 3, region: 'us-east' },
      network: testNetwork(),
    });
    const c = chainLeaseFromOrder(orderOf(details.spec), null, null);
    expect(c).toMatchObject({
      id: '42',
      tag: { stack: 'shop', instance: 'web', key: 'us-east' },
      replicas: 3,
      region: 'us-east',
      cpu: 500,
      memory: '536870912',
    });
    expect(c?.specHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('GIVEN an order not tagged by Leasehold WHEN read THEN null', () => {
    expect(chainLeaseFromOrder(orderOf('{n:westcoast,pr:{a:[]},s:[]}'), null, null)).toBeNull();
  });

  it('GIVEN an undecodable spec WHEN read THEN null, not a throw', () => {
    expect(chainLeaseFromOrder(orderOf('not a spec'), null, null)).toBeNull();
  });

  it('GIVEN an imported order WHEN attributes are rebuilt THEN only what the chain knows is set', () => {
    const details = encodeOrder({
      stack: 'shop',
      instance: 'web',
      model: instance(),
      slot: { key: '0', replicas: 1, region: null },
      network: testNetwork(),
    });
    const c = chainLeaseFromOrder(orderOf(details.spec), null, null);
    if (c === null) throw new Error('expected a chain lease');
    expect(attributesFromOrder(c, testNetwork())).toEqual({
      resources: { cpu: 500, memory: '536870912' },
      placement: { mode: 'provider', tiers: [1, 3] },
      pricing: { token: 'USDT' },
    });
  });
});
