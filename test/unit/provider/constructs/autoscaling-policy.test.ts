import { describe, expect, it } from '@jest/globals';
import { AutoscalingPolicy } from '../../../../provider/constructs/autoscaling-policy.js';
import { Instance } from '../../../../provider/constructs/instance.js';
import { ValidationError } from '../../../../provider/constructs/validation-error.js';
import { newStack, resourceOf, synthJson } from './synth-stack.js';

describe('AutoscalingPolicy', () => {
  it('GIVEN min, max, metrics and behavior WHEN synthesized THEN they pass through unchanged', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    new AutoscalingPolicy(stack, 'scale', {
      instance: web,
      min: 2,
      max: 6,
      metrics: [
        { type: 'cpu', target: { averageUtilization: 70 } },
        { type: 'prometheus', name: 'queue_depth', kind: 'gauge', target: { averageValue: 10 } },
      ],
      behavior: { scaleDown: { stabilizationWindow: '5m', selectPolicy: 'Min' } },
      cooldown: '1m',
    });
    const { '//': _meta, ...attrs } = resourceOf(
      synthJson(stack),
      'leasehold_autoscaling_policy',
      'scale',
    );
    expect(attrs).toEqual({
      instance: '${leasehold_instance.web}',
      min: 2,
      max: 6,
      metrics: [
        { type: 'cpu', target: { averageUtilization: 70 } },
        { type: 'prometheus', name: 'queue_depth', kind: 'gauge', target: { averageValue: 10 } },
      ],
      behavior: { scaleDown: { stabilizationWindow: '5m', selectPolicy: 'Min' } },
      cooldown: '1m',
    });
  });

  it('GIVEN min above max WHEN constructed THEN a ValidationError names the construct path and both values', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    const build = (): AutoscalingPolicy =>
      new AutoscalingPolicy(stack, 'scale', { instance: web, min: 7, max: 3, metrics: [] });
    // One call only: a second would collide on the construct id.
    let caught: unknown;
    try {
      build();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).detail).toBe(
      'web/scale: `min` is 7 and `max` is 3; min must not exceed max.',
    );
  });

  it('GIVEN min equal to max WHEN constructed THEN it is accepted', () => {
    const stack = newStack();
    const web = new Instance(stack, 'web', { image: 'nginx:1.27' });
    const policy = new AutoscalingPolicy(stack, 'scale', {
      instance: web,
      min: 3,
      max: 3,
      metrics: [{ type: 'requestsPerSecond', target: { averageValue: 50 } }],
    });
    expect(policy.props.min).toBe(3);
  });
});
