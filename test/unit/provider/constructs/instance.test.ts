import { describe, expect, it } from '@jest/globals';
import { Instance } from '../../../../provider/constructs/instance.js';
import { TerraformOutput } from '../../../../provider/constructs/cdktf.js';
import { newStack, resourceOf, synthJson } from './synth-stack.js';

describe('Instance', () => {
  it('GIVEN spec props WHEN synthesized THEN the attributes are the spec fields, camelCase, with the id as name', () => {
    const stack = newStack();
    new Instance(stack, 'web', {
      image: 'nginx:1.27',
      env: { LOG_LEVEL: 'info' },
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 1, memory: '1Gi', storage: '2Gi' },
      count: 2,
      pricing: { maxPerHour: '2', token: 'USDT' },
      lifecycle: { createBeforeDestroy: false, preventDestroy: true },
      credentials: undefined,
    });
    const { '//': _meta, ...attrs } = resourceOf(synthJson(stack), 'leasehold_instance', 'web');
    expect(attrs).toEqual({
      name: 'web',
      image: 'nginx:1.27',
      env: { LOG_LEVEL: 'info' },
      ports: [{ port: 8080, as: 80 }],
      resources: { cpu: 1, memory: '1Gi', storage: '2Gi' },
      count: 2,
      pricing: { maxPerHour: '2', token: 'USDT' },
      lifecycle: { createBeforeDestroy: false, preventDestroy: true },
    });
  });

  it('GIVEN a name prop WHEN synthesized THEN the name wins over the construct id', () => {
    const stack = newStack();
    const api = new Instance(stack, 'Api', { name: 'api-gateway', image: 'api:1' });
    expect(api.instanceName).toBe('api-gateway');
    expect(resourceOf(synthJson(stack), 'leasehold_instance', 'Api')['name']).toBe('api-gateway');
  });

  it('GIVEN no count and no lifecycle WHEN synthesized THEN neither appears (no Terraform meta-arguments)', () => {
    const stack = newStack();
    new Instance(stack, 'web', { image: 'nginx:1.27' });
    const attrs = resourceOf(synthJson(stack), 'leasehold_instance', 'web');
    expect(Object.keys(attrs).sort()).toEqual(['//', 'image', 'name']);
  });

  it('GIVEN attribute getters WHEN used in outputs THEN they synthesize as references to the instance', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    new TerraformOutput(stack, 'first', { value: web.endpoint(0) });
    new TerraformOutput(stack, 'all', { value: web.endpoints });
    new TerraformOutput(stack, 'lease', { value: web.leaseId(1) });
    new TerraformOutput(stack, 'leases', { value: web.leaseIds });
    new TerraformOutput(stack, 'count', { value: web.replicaCount });
    const outputs = synthJson(stack)['output'];
    expect(outputs).toEqual({
      first: { value: '${leasehold_instance.web.endpoints[0]}' },
      all: { value: '${leasehold_instance.web.endpoints}' },
      lease: { value: '${leasehold_instance.web.leaseIds[1]}' },
      leases: { value: '${leasehold_instance.web.leaseIds}' },
      count: { value: '${leasehold_instance.web.count}' },
    });
  });

  it('GIVEN an instance WHEN synthesized THEN its metadata carries the construct path', () => {
    const stack = newStack();
    new Instance(stack, 'web', { image: 'nginx:1.27' });
    const meta = resourceOf(synthJson(stack), 'leasehold_instance', 'web')['//'];
    expect(meta).toMatchObject({ metadata: { path: 'web/web' } });
  });
});
