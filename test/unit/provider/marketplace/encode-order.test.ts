import { describe, expect, it } from '@jest/globals';
import { decodeOrderSpec } from '../../../../wire/order-spec.js';
import { encodeOrder } from '../../../../provider/marketplace/encode-order.js';
import { decodeStackTag } from '../../../../provider/marketplace/stack-tag.js';
import { baseLike, webInstance } from './instance-fixture.js';

describe('encodeOrder', () => {
  it('GIVEN the reference README example WHEN encoded THEN spec, price, blocks, mode and tiers match §3.2 (tagged name, floored price)', () => {
    const order = encodeOrder({
      stack: 'shop',
      instance: 'py-cuda',
      model: webInstance,
      slot: { key: '0', replicas: 1, region: null },
      network: baseLike,
    });
    expect(order.spec).toBe(
      '{n:lh1.shop.py-cuda.0,pr:{a:[{k:cpu_model,v:any},{k:bandwidth,v:any},{k:region,v:us-central}]},s:[{n:py-cuda,r:{i:1,c:{u:8000,a:[]},m:{u:17179869184,a:[]},s:[{n:default,a:[],u:214748364800}],g:{a:[{k:vendor/nvidia/model/rtx4090,v:true}],u:1},e:[{k:1,s:0}]},c:1}]}',
    );
    expect(order.maxPrice).toBe(5_555_555_555_555_555n);
    expect(order.numOfBlocks).toBe(3600n);
    expect(order.token).toBe('0x96Ca5955F25648FB44C5D772BAdB4313000C66Fe');
    expect(order).toMatchObject({ version: 1, mode: 1, tier: [3, 4, 5, 6] });
  });

  it('GIVEN a region slot of 2 replicas with excluded providers WHEN encoded THEN the spec names that region, the exclusions and count 2', () => {
    const order = encodeOrder({
      stack: 'shop',
      instance: 'web',
      model: {
        ...webInstance,
        placement: {
          ...webInstance.placement,
          regions: ['eu', 'us'],
          denyProviders: ['0xbb'],
          spread: 'region',
          mode: 'fizz',
        },
      },
      slot: { key: 'eu', replicas: 2, region: 'eu' },
      network: baseLike,
      excludeProviders: ['0xAA', '0xbb'],
    });
    const spec = decodeOrderSpec(order.spec);
    expect(decodeStackTag(spec.name)).toEqual({ stack: 'shop', instance: 'web', key: 'eu' });
    expect(spec.placement).toContainEqual({ key: 'region', value: 'eu' });
    expect(spec.placement).toContainEqual({ key: 'provider_exclude', value: '0xaa;0xbb' });
    expect(spec.services[0]?.count).toBe(2);
    expect(order.mode).toBe(0);
    // Floored over both replicas at once, not twice the one-replica floor.
    expect(order.maxPrice).toBe(11_111_111_111_111_111n);
  });

  it('GIVEN a token the network lacks WHEN encoded THEN marketplace/unknown-token names the known ones', () => {
    expect(() =>
      encodeOrder({
        stack: 's',
        instance: 'w',
        model: { ...webInstance, pricing: { token: 'DAI', amount: '1' } },
        slot: { key: '0', replicas: 1, region: null },
        network: baseLike,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'marketplace/unknown-token',
        detail: expect.stringContaining('USDT'),
      }),
    );
  });
});
