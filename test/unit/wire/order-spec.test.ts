import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeOrderSpec, encodeOrderSpec, placementValues } from '../../../wire/index.js';
import type { OrderSpec } from '../../../wire/index.js';

// Reference §3.2: the SDK's README example, byte for byte.
const REFERENCE =
  '{n:westcoast,pr:{a:[{k:cpu_model,v:any},{k:bandwidth,v:any},{k:region,v:us-central}]},s:[{n:py-cuda,r:{i:1,c:{u:8000,a:[]},m:{u:17179869184,a:[]},s:[{n:default,a:[],u:214748364800}],g:{a:[{k:vendor/nvidia/model/rtx4090,v:true}],u:1},e:[{k:1,s:0}]},c:1}]}';

const referenceSpec: OrderSpec = {
  name: 'westcoast',
  placement: [
    { key: 'cpu_model', value: 'any' },
    { key: 'bandwidth', value: 'any' },
    { key: 'region', value: 'us-central' },
  ],
  services: [
    {
      name: 'py-cuda',
      resources: {
        id: 1,
        cpuMillis: 8000,
        cpuAttributes: [],
        memoryBytes: 17179869184,
        memoryAttributes: [],
        storage: [{ name: 'default', attributes: [], bytes: 214748364800 }],
        gpuUnits: 1,
        gpuAttributes: [{ key: 'vendor/nvidia/model/rtx4090', value: 'true' }],
        endpoints: [{ kind: 1, sequenceNumber: 0 }],
      },
      count: 1,
    },
  ],
};

describe('encodeOrderSpec / decodeOrderSpec', () => {
  it('GIVEN the reference example spec WHEN encoded THEN the string equals the SDK output byte for byte', () => {
    expect(encodeOrderSpec(referenceSpec)).toBe(REFERENCE);
  });

  it('GIVEN the reference string WHEN decoded THEN it yields the typed spec', () => {
    expect(decodeOrderSpec(REFERENCE)).toEqual(referenceSpec);
  });

  it('GIVEN a Leasehold resource address as the name WHEN round-tripped THEN the brackets survive', () => {
    const spec = { ...referenceSpec, name: 'shop/instance.web[2]' };
    expect(decodeOrderSpec(encodeOrderSpec(spec)).name).toBe('shop/instance.web[2]');
  });

  it('GIVEN a name with a comma WHEN encoded THEN it throws rather than writing an ambiguous spec', () => {
    expect(() => encodeOrderSpec({ ...referenceSpec, name: 'a,b' })).toThrow(RangeError);
  });

  it('GIVEN provider wallets WHEN round-tripped THEN pw is kept', () => {
    const spec = { ...referenceSpec, providerWallets: ['0xabc', '0xdef'] };
    const text = encodeOrderSpec(spec);
    expect(text).toContain('pw:[0xabc,0xdef]');
    expect(decodeOrderSpec(text)).toEqual(spec);
  });

  it.each([
    ['', 'empty'],
    ['{n:x', 'unterminated'],
    ['{n:x,s:[{n:a,r:{i:1,c:{u:1.5,a:[]},m:{u:1,a:[]}},c:1}]}', 'fractional units'],
    ['{n:x,s:{}}', 's not a list'],
    ['{n:x,s:[]}trailing', 'trailing text'],
  ])('GIVEN malformed text %j (%s) WHEN decoded THEN it throws a SyntaxError', (text) => {
    expect(() => decodeOrderSpec(text)).toThrow(SyntaxError);
  });

  it('GIVEN any well-formed spec WHEN encoded then decoded THEN it is unchanged', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const n = fc.integer({ min: 0, max: 2 ** 45 });
    const attr = fc.record({ key: label, value: label });
    const service = fc.record({
      name: label,
      resources: fc.record({
        id: fc.integer({ min: 1, max: 9 }),
        cpuMillis: n,
        cpuAttributes: fc.array(attr, { maxLength: 2 }),
        memoryBytes: n,
        memoryAttributes: fc.constant([]),
        storage: fc.array(fc.record({ name: label, attributes: fc.constant([]), bytes: n }), {
          maxLength: 2,
        }),
        gpuUnits: fc.integer({ min: 0, max: 8 }),
        gpuAttributes: fc.array(attr, { maxLength: 2 }),
        endpoints: fc.array(
          fc.record({ kind: fc.integer({ min: 0, max: 2 }), sequenceNumber: fc.nat(5) }),
        ),
      }),
      count: fc.integer({ min: 1, max: 20 }),
    });
    const spec = fc.record({
      name: label,
      placement: fc.array(attr, { maxLength: 4 }),
      services: fc.array(service, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(fc.property(spec, (s) => expect(decodeOrderSpec(encodeOrderSpec(s))).toEqual(s)));
  });
});

describe('placementValues', () => {
  it('GIVEN a ;-separated region list WHEN read THEN each region is returned', () => {
    const spec = { ...referenceSpec, placement: [{ key: 'region', value: 'us-east; us-west' }] };
    expect(placementValues(spec, 'region')).toEqual(['us-east', 'us-west']);
    expect(placementValues(spec, 'desired_provider')).toEqual([]);
  });
});
