import { describe, expect, it } from '@jest/globals';
import { parseManifest } from '../../../../wire/manifest.js';
import { encodeManifest } from '../../../../provider/marketplace/encode-manifest.js';
import { webInstance } from './instance-fixture.js';

const input = {
  stack: 'shop',
  instance: 'web',
  model: webInstance,
  slot: { key: '0', replicas: 3, region: null },
  secretValues: { WEB_DB_PASSWORD: 's3cr3t-value' },
};

describe('encodeManifest', () => {
  it('GIVEN an instance WHEN encoded THEN the manifest has the §3.2 shape and passes the protocol parser', () => {
    const { manifest } = encodeManifest(input);
    expect(parseManifest(manifest).diagnostics).toEqual([]);
    expect(manifest).toHaveLength(1);
    const svc = manifest[0]?.services[0];
    expect(manifest[0]?.name).toBe('lh1.shop.web.0');
    expect(svc).toMatchObject({
      name: 'web',
      image: 'nginx:1.27',
      count: 3,
      env: ['MODE=prod', 'DB_PASSWORD=s3cr3t-value'],
      resources: {
        id: 1,
        cpu: { units: { val: '8000' } },
        memory: { size: { val: '17179869184' } },
        storage: [{ name: 'default', size: { val: '214748364800' } }],
        gpu: {
          units: { val: '1' },
          attributes: [{ key: 'vendor/nvidia/model/rtx4090', value: 'true' }],
        },
        endpoints: [{ kind: 1, sequence_number: 0 }],
      },
      expose: [{ port: 8080, externalPort: 8080, proto: 'TCP', global: true, hosts: null }],
    });
  });

  it('GIVEN two different secret values WHEN hashed THEN the hash is the same and holds no secret', () => {
    const a = encodeManifest(input);
    const b = encodeManifest({ ...input, secretValues: { WEB_DB_PASSWORD: 'other' } });
    expect(a.manifestHash).toBe(b.manifestHash);
    expect(a.manifestHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('GIVEN a different image WHEN hashed THEN the hash changes', () => {
    const a = encodeManifest(input);
    const b = encodeManifest({ ...input, model: { ...webInstance, image: 'nginx:1.28' } });
    expect(a.manifestHash).not.toBe(b.manifestHash);
  });

  it('GIVEN an unset secret variable WHEN encoded THEN marketplace/secret-missing names the variable', () => {
    expect(() => encodeManifest({ ...input, secretValues: {} })).toThrow(
      expect.objectContaining({
        code: 'marketplace/secret-missing',
        detail: expect.stringContaining('WEB_DB_PASSWORD'),
      }),
    );
  });
});
