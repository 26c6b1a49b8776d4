import { describe, expect, it } from '@jest/globals';
import {
  checkManifestAgainstOrder,
  decodeOrderSpec,
  envKeys,
  envValue,
  parseManifest,
} from '../../../wire/index.js';
import type { Manifest } from '../../../wire/index.js';

const service = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'web',
  image: 'nginx:1.27',
  command: null,
  args: null,
  env: ['GREETING=hi', 'API_KEY=s3cret'],
  resources: {
    id: 1,
    cpu: { units: { val: '500' } },
    memory: { size: { val: '536870912' } },
    storage: [{ name: 'default', size: { val: '1073741824' } }],
    gpu: { units: { val: '0' }, attributes: [] },
    endpoints: [{ kind: 1, sequence_number: 0 }],
  },
  count: 2,
  expose: [
    { port: 8080, externalPort: 8080, proto: 'TCP', service: '', global: true, hosts: null },
  ],
  params: null,
  ...over,
});
const manifest = (...services: unknown[]): unknown => [{ name: 'shop', services }];

const ORDER = decodeOrderSpec(
  '{n:shop,pr:{a:[{k:region,v:us-east}]},s:[{n:web,r:{i:1,c:{u:500,a:[]},m:{u:536870912,a:[]},s:[{n:default,a:[],u:1073741824}],g:{a:[],u:0},e:[{k:1,s:0}]},c:2}]}',
);

describe('parseManifest', () => {
  it('GIVEN a well-formed manifest WHEN parsed THEN it has no diagnostics', () => {
    const r = parseManifest(manifest(service()));
    expect(r.diagnostics).toEqual([]);
    expect(r.manifest?.[0]?.services[0]?.name).toBe('web');
  });

  it('GIVEN something that is not an array of one group WHEN parsed THEN one diagnostic says so', () => {
    for (const body of [{}, [], [1], [{}, {}]]) {
      const r = parseManifest(body);
      expect(r.manifest).toBeNull();
      expect(r.diagnostics[0]?.code).toBe('devnet-provider/manifest-invalid');
    }
  });

  it('GIVEN several bad fields WHEN parsed THEN every problem is reported with its path', () => {
    const r = parseManifest(
      manifest(
        service({ name: 'Web_1', image: '', count: 0, expose: [{ port: 70000, proto: 'http' }] }),
      ),
    );
    const paths = r.diagnostics.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '0.services.0.name',
        '0.services.0.image',
        '0.services.0.count',
        '0.services.0.expose.0.port',
        '0.services.0.expose.0.proto',
      ]),
    );
  });

  it('GIVEN a malformed env entry holding a secret WHEN reported THEN the value is not quoted', () => {
    const r = parseManifest(manifest(service({ env: ['not an entry with s3cret'] })));
    expect(r.diagnostics).toHaveLength(1);
    expect(JSON.stringify(r.diagnostics)).not.toContain('s3cret');
  });

  it('GIVEN a duplicate service name WHEN parsed THEN it is reported', () => {
    const r = parseManifest(manifest(service(), service()));
    expect(r.diagnostics.map((d) => d.path)).toEqual(['0.services.1.name']);
  });
});

describe('checkManifestAgainstOrder', () => {
  const parsed = (body: unknown): Manifest => {
    const r = parseManifest(body);
    if (r.manifest === null) throw new Error(JSON.stringify(r.diagnostics));
    return r.manifest;
  };

  it('GIVEN a manifest that matches the order WHEN checked THEN it fits', () => {
    expect(checkManifestAgainstOrder(parsed(manifest(service())), ORDER)).toEqual([]);
  });

  it('GIVEN a service the order does not have WHEN checked THEN it is refused', () => {
    const d = checkManifestAgainstOrder(parsed(manifest(service({ name: 'db' }))), ORDER);
    expect(d.map((x) => x.code)).toEqual(['devnet-provider/manifest-service-not-ordered']);
  });

  it('GIVEN more CPU than ordered WHEN checked THEN the excess is named', () => {
    const big = service();
    const resources = { ...(big['resources'] as object), cpu: { units: { val: '501' } } };
    const d = checkManifestAgainstOrder(parsed(manifest({ ...big, resources })), ORDER);
    expect(d).toHaveLength(1);
    expect(d[0]?.code).toBe('devnet-provider/manifest-exceeds-order');
    expect(d[0]?.detail).toContain('501 cpu millicores');
  });
});

describe('envKeys / envValue', () => {
  it('GIVEN env entries WHEN keys are listed THEN no value appears', () => {
    const m = parsed0();
    expect(envKeys(m)).toEqual(['GREETING', 'API_KEY']);
    expect(envValue(m, 'GREETING')).toBe('hi');
    expect(envValue(m, 'MISSING')).toBeUndefined();
  });
});

function parsed0() {
  const r = parseManifest(manifest(service()));
  const s = r.manifest?.[0]?.services[0];
  if (s === undefined) throw new Error('no service');
  return s;
}
