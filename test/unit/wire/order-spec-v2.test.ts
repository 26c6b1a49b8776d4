import { describe, expect, it } from '@jest/globals';
import { decodeOrderSpec, encodeOrderSpecV2 } from '../../../wire/order-spec.js';
import type { OrderSpec } from '../../../wire/order-spec.js';
import {
  isCompactManifest,
  parseCompactManifest,
  toCompactManifest,
} from '../../../wire/compact-manifest.js';

// Golden strings written by the SDK v2.6.0's own compressOrderSpec (utils/spec.ts, run verbatim)
// over the object convertV2YamlToOrderDetails builds: no top-level name, no endpoints, storage
// mounts, `g:{u:0,a:[]}` without a GPU and `g:{a:[..],u:n}` with one.
const SDK_V2 =
  '{pr:{a:[{k:region,v:us-east},{k:region_exclude,v:eu-west},{k:bandwidth,v:100mbps}]},s:[{n:web,r:{i:1,c:{u:500,a:[{k:arch/amd64/model/epyc,v:true}]},m:{u:536870912,a:[]},s:[{n:default,u:1073741824},{n:data,a:[{k:class,v:beta2},{k:persistent,v:true}],m:/data,u:2147483648},{n:shm,a:[{k:class,v:ram},{k:persistent,v:false}],m:/dev/shm,u:134217728}],g:{a:[{k:vendor/nvidia/model/rtx4090,v:true},{k:req_vram,v:>=24}],u:1}},c:2},{n:db,r:{i:2,c:{u:1000,a:[]},m:{u:1073741824,a:[]},s:[],g:{u:0,a:[]}},c:1}]}';
const SDK_V2_BARE =
  '{pr:{},s:[{n:db,r:{i:2,c:{u:1000,a:[]},m:{u:1073741824,a:[]},s:[],g:{u:0,a:[]}},c:1}]}';

describe('order spec v2', () => {
  it('GIVEN the SDK v2 spec WHEN decoded THEN services, mounts and placement are read without a name', () => {
    const spec = decodeOrderSpec(SDK_V2);
    expect(spec.name).toBe('');
    expect(spec.placement.map((a) => a.key)).toEqual(['region', 'region_exclude', 'bandwidth']);
    expect(spec.services.map((s) => [s.name, s.count])).toEqual([
      ['web', 2],
      ['db', 1],
    ]);
    expect(spec.services[0]?.resources.storage.map((s) => s.mount)).toEqual([
      undefined,
      '/data',
      '/dev/shm',
    ]);
    expect(spec.services[0]?.resources.endpoints).toEqual([]);
    expect(decodeOrderSpec(SDK_V2_BARE).placement).toEqual([]);
  });

  it('GIVEN decoded SDK v2 specs WHEN encoded again THEN the bytes equal the SDK output', () => {
    expect(encodeOrderSpecV2(decodeOrderSpec(SDK_V2))).toBe(SDK_V2);
    expect(encodeOrderSpecV2(decodeOrderSpec(SDK_V2_BARE))).toBe(SDK_V2_BARE);
  });

  it("GIVEN Leasehold's stack tag WHEN a v2 spec is written THEN it leads as n and decodes back", () => {
    const tagged: OrderSpec = { ...decodeOrderSpec(SDK_V2_BARE), name: 'lh1.shop.web.0' };
    const text = encodeOrderSpecV2(tagged);
    expect(text.startsWith('{n:lh1.shop.web.0,pr:{},s:[')).toBe(true);
    expect(decodeOrderSpec(text).name).toBe('lh1.shop.web.0');
  });
});

describe('compact manifest', () => {
  // The SDK's getManifestV2 output for one service with a persistent mount.
  const body = {
    services: [
      {
        name: 'web',
        image: 'nginx:1',
        resources: {
          i: 1,
          c: { u: 500 },
          m: { u: 536870912 },
          s: [
            { n: 'default', u: 1073741824 },
            {
              n: 'data',
              u: 2147483648,
              a: [
                { k: 'class', v: 'beta2' },
                { k: 'persistent', v: 'true' },
              ],
              m: '/data',
              ro: false,
            },
          ],
          g: { u: 0 },
        },
        replica: 2,
        ports: [{ global: true, port: 8080, externalPort: 80 }],
        env: ['GREETING=hi'],
      },
    ],
  };

  it('GIVEN a compact body WHEN read by a provider THEN it is one Akash group with mounts in params', () => {
    expect(isCompactManifest(body)).toBe(true);
    expect(isCompactManifest([{ name: 'g', services: [] }])).toBe(false);
    const parsed = parseCompactManifest(body, 'lh1.shop.web.0');
    expect(parsed.diagnostics).toEqual([]);
    const svc = parsed.manifest?.[0]?.services[0];
    expect(svc).toMatchObject({
      name: 'web',
      count: 2,
      resources: { cpu: { units: { val: '500' } }, memory: { size: { val: '536870912' } } },
      params: { storage: [{ name: 'data', mount: '/data', readOnly: false }] },
    });
    expect(svc?.expose[0]).toMatchObject({ port: 8080, externalPort: 80, global: true });
  });

  it('GIVEN the Akash form WHEN written compact THEN it is the SDK body again', () => {
    const parsed = parseCompactManifest(body, 'g');
    expect(toCompactManifest(parsed.manifest ?? [])).toEqual(body);
  });
});
