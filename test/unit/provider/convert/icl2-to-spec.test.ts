import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { icl2ToSpec } from '../../../../provider/convert/icl2-to-spec.js';

const fixture = (name: string): unknown =>
  parse(readFileSync(`test/fixtures/convert/icl2/${name}`, 'utf8')) as unknown;

/** A minimal ICL 2.0 document with one service `web` (SDK code spelling). */
function icl2(
  service: Record<string, unknown> = {},
  deployment: Record<string, unknown> = { duration: '1h', mode: 'provider', tiers: ['community'] },
): unknown {
  return {
    version: '2.0',
    services: {
      web: {
        image: 'nginx:1.27',
        port_policy: [{ port: 80, as: 80, to: [{ global: true }] }],
        resources: { cpu: { units: 1 }, memory: { size: '1Gi' }, storage: [{ size: '1Gi' }] },
        price: { token: 'USDT', amount: 1 },
        replica: 1,
        ...service,
      },
    },
    deployment,
  };
}

const codes = (r: ReturnType<typeof icl2ToSpec>): string[] => r.diagnostics.map((d) => d.code);

describe('icl2ToSpec', () => {
  it("GIVEN the SDK's example (code spelling: price, replica) WHEN converted THEN every field lands in the spec", () => {
    const r = icl2ToSpec(fixture('sdk-example-spheron.yaml'), { stack: 'demo' });
    expect(r.spec?.instances['py-cuda']).toEqual({
      image: 'quay.io/jupyter/pytorch-notebook:cuda12-pytorch-2.4.1',
      env: { JUPYTER_TOKEN: 'sentient' },
      ports: [{ port: 8888, global: true }],
      resources: {
        cpu: 8,
        memory: '16Gi',
        storage: [{ name: 'default', size: '200Gi' }],
        gpu: { units: 1, vendor: 'nvidia', models: ['rtx4090'] },
      },
      duration: '2h',
      placement: { regions: ['us-central'], tiers: ['community'] },
      pricing: { maxPerHour: '10', token: 'SPON' },
    });
  });

  it("GIVEN the SDK README's spelling (tier:, resources.pricing, resources.replica) WHEN converted THEN it reads as the code's spelling does", () => {
    const readme = icl2ToSpec(fixture('sdk-readme-create.yaml'), { stack: 'demo' });
    const code = icl2ToSpec(fixture('sdk-example-spheron.yaml'), { stack: 'demo' });
    expect(readme.spec?.instances['py-cuda']).toEqual({
      ...code.spec?.instances['py-cuda'],
      pricing: { maxPerHour: '10', token: 'uSPON' },
    });
    expect(codes(readme)).toEqual(['convert/env-looks-secret']);
  });

  it('GIVEN amount 9 for 3 replicas WHEN converted THEN the spec prices one replica at 3: the ICL amount covers the whole service', () => {
    const r = icl2ToSpec(icl2({ price: { token: 'USDT', amount: 9 }, replica: 3 }), { stack: 's' });
    expect(r.spec?.instances['web']).toMatchObject({
      count: 3,
      pricing: { maxPerHour: '3', token: 'USDT' },
    });
  });

  it('GIVEN no tiers WHEN converted THEN every tier is accepted, as the SDK orders community-default', () => {
    const r = icl2ToSpec(icl2({}, { duration: '1h' }), { stack: 's' });
    expect(r.spec?.instances['web']?.placement?.tiers).toEqual(['secured', 'community']);
  });

  it.each([
    [['secured1'], ['secured-1']],
    ['community3', ['community-3']],
    [['community-default'], ['secured', 'community']],
  ])('GIVEN tiers %j WHEN converted THEN the spec tiers are %j', (tiers, want) => {
    const r = icl2ToSpec(icl2({}, { tiers }), { stack: 's' });
    expect(r.spec?.instances['web']?.placement?.tiers).toEqual(want);
  });

  it('GIVEN an unknown tier WHEN converted THEN it is a located error, never every tier', () => {
    const r = icl2ToSpec(icl2({}, { tiers: ['gold'] }), { stack: 's' });
    expect(r.spec).toBeNull();
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'convert/unknown-tier',
        path: 'deployment.tiers[0]',
      }),
    ]);
  });

  it('GIVEN storage with inline mounts and attributes WHEN converted THEN volumes keep name, class, persistence and mount', () => {
    const storage = [
      { size: '10Gi' },
      {
        name: 'data',
        size: '50Gi',
        mount: '/data',
        readOnly: true,
        attributes: { persistent: true, class: 'beta3' },
      },
      { name: 'shm', size: '1Gi', mount: '/dev/shm', attributes: { class: 'ram' } },
    ];
    const r = icl2ToSpec(
      icl2({ resources: { cpu: { units: 1 }, memory: { size: '1Gi' }, storage } }),
      { stack: 's' },
    );
    expect(r.spec?.instances['web']?.resources?.storage).toEqual([
      { name: 'default', size: '10Gi' },
      {
        name: 'data',
        size: '50Gi',
        persistent: true,
        class: 'beta3',
        mount: '/data',
        readOnly: true,
      },
      { name: 'shm', size: '1Gi', class: 'ram', mount: '/dev/shm' },
    ]);
    expect(codes(r)).toEqual([]);
  });

  it('GIVEN fields the spec cannot hold yet WHEN converted THEN each is named in its own warning, never dropped silently', () => {
    const r = icl2ToSpec(
      icl2(
        {
          resources: {
            cpu: { units: 1, attributes: { arch: { arm64: [{ model: 'm2' }] } } },
            memory: { size: '1Gi' },
          },
        },
        {
          tiers: ['community'],
          mode: 'fizz',
          attributes: { desired_fizz: '0xabc', bandwidth: '100' },
        },
      ),
      { stack: 's' },
    );
    expect(r.spec?.instances['web']?.placement).toEqual({ tiers: ['community'], mode: 'fizz' });
    expect(r.diagnostics.map((d) => `${d.code}@${d.path ?? ''}`).sort()).toEqual([
      'convert/icl-field-not-supported@deployment.attributes.bandwidth',
      'convert/icl-field-not-supported@deployment.attributes.desired_fizz',
      'convert/icl-field-not-supported@services.web.resources.cpu.attributes.arch',
    ]);
  });

  it('GIVEN a bad duration, mode and replica WHEN converted THEN each is a located error', () => {
    const r = icl2ToSpec(icl2({ replica: 0 }, { duration: '1.5h', mode: 'cloud' }), { stack: 's' });
    expect(r.spec).toBeNull();
    expect(r.diagnostics.map((d) => d.path).sort()).toEqual([
      'deployment.duration',
      'deployment.mode',
      'services.web.replica',
    ]);
  });
});
