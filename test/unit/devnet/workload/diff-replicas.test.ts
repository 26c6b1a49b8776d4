import { describe, expect, it } from '@jest/globals';
import { diffReplicas, replicaTemplate } from '../../../../devnet/workload/index.js';
import type { ManifestService } from '../../../../wire/manifest.js';

const service = (o: Partial<ManifestService> = {}): ManifestService => ({
  name: 'web',
  image: 'nginx:1.27',
  env: ['A=1'],
  resources: {
    id: 1,
    cpu: { units: { val: '500' } },
    memory: { size: { val: '536870912' } },
    storage: [{ name: 'default', size: { val: '1073741824' } }],
  },
  count: 2,
  expose: [{ port: 8080, externalPort: 80, proto: 'TCP', service: '', global: true, hosts: null }],
  ...o,
});

const set = (svc: ManifestService) => ({ template: replicaTemplate(svc), count: svc.count });

describe('diffReplicas', () => {
  it('GIVEN 2 replicas WHEN the count becomes 3 THEN both are kept and only replica 2 starts', () => {
    expect(diffReplicas(set(service()), set(service({ count: 3 })))).toEqual({
      keep: 2,
      stop: [],
      start: [2],
    });
  });

  it('GIVEN 3 replicas WHEN the count becomes 2 THEN replicas 0 and 1 are kept and only replica 2 stops', () => {
    expect(diffReplicas(set(service({ count: 3 })), set(service()))).toEqual({
      keep: 2,
      stop: [2],
      start: [],
    });
  });

  it('GIVEN the same manifest again (a retried PUT) THEN nothing stops or starts', () => {
    expect(diffReplicas(set(service()), set(service()))).toEqual({ keep: 2, stop: [], start: [] });
  });

  it('GIVEN a new image, env or port WHEN applied THEN every replica is replaced', () => {
    const changed = [
      service({ image: 'nginx:1.28', count: 3 }),
      service({ env: ['A=2'] }),
      service({
        expose: [
          { port: 9090, externalPort: 80, proto: 'TCP', service: '', global: true, hosts: null },
        ],
      }),
    ];
    for (const next of changed) {
      expect(diffReplicas(set(service()), set(next))).toEqual({
        keep: 0,
        stop: [0, 1],
        start: Array.from({ length: next.count }, (_, i) => i),
      });
    }
  });

  it('GIVEN no replicas yet THEN all start', () => {
    expect(diffReplicas(null, set(service({ count: 3 })))).toEqual({
      keep: 0,
      stop: [],
      start: [0, 1, 2],
    });
  });
});

describe('replicaTemplate', () => {
  it('GIVEN the same service with its keys in another order and another count THEN the same template', () => {
    const a = service();
    const b = Object.fromEntries(
      Object.entries(service({ count: 5 })).reverse(),
    ) as ManifestService;
    expect(replicaTemplate(b)).toBe(replicaTemplate(a));
    expect(replicaTemplate(a)).not.toContain('"count"');
  });
});
