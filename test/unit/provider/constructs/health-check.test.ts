import { describe, expect, it } from '@jest/globals';
import { HealthCheck } from '../../../../provider/constructs/health-check.js';
import { Instance } from '../../../../provider/constructs/instance.js';
import { ValidationError } from '../../../../provider/constructs/validation-error.js';
import { newStack, resourceOf, synthJson } from './synth-stack.js';

describe('HealthCheck', () => {
  it('GIVEN an http probe WHEN synthesized THEN the spec fields pass through and instance references the Instance', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    new HealthCheck(stack, 'web-health', {
      instance: web,
      http: { path: '/healthz', port: 8080, expectedStatus: '200-299' },
      interval: '10s',
      unhealthyThreshold: 3,
      gracePeriod: '30s',
      onFailure: 'alert',
    });
    const { '//': _meta, ...attrs } = resourceOf(
      synthJson(stack),
      'leasehold_health_check',
      'web-health',
    );
    expect(attrs).toEqual({
      instance: '${leasehold_instance.web}',
      http: { path: '/healthz', port: 8080, expectedStatus: '200-299' },
      interval: '10s',
      unhealthyThreshold: 3,
      gracePeriod: '30s',
      onFailure: 'alert',
    });
  });

  it('GIVEN both http and tcp WHEN constructed THEN a ValidationError names the construct path', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    const build = (): HealthCheck =>
      new HealthCheck(stack, 'hc', { instance: web, http: { port: 80 }, tcp: { port: 80 } });
    // One call only: a second would collide on the construct id.
    let caught: unknown;
    try {
      build();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as Error).message).toMatch(/web\/hc: .*both of `http` and `tcp`/);
  });

  it('GIVEN neither http nor tcp WHEN constructed THEN a ValidationError with code cdk/invalid-props', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    let caught: unknown;
    try {
      new HealthCheck(stack, 'hc', { instance: web, interval: '5s' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const err = caught as ValidationError;
    expect(err.constructPath).toBe('web/hc');
    expect(err.code).toBe('cdk/invalid-props');
    expect(err.detail).toMatch(/neither/);
    expect(err.hint).toBe('Set either `http` or `tcp`.');
  });
});
