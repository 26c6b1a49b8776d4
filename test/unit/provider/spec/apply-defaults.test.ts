import { describe, expect, it } from '@jest/globals';
import { applyDefaults, deepMerge } from '../../../../provider/spec/apply-defaults.js';

describe('applyDefaults', () => {
  it('GIVEN defaults and an instance WHEN merged THEN objects merge deeply and instance values win', () => {
    const merged = applyDefaults(
      {
        resources: { cpu: 1, memory: '1Gi' },
        placement: { regions: ['us-east'], spread: 'provider' },
        pricing: { maxPerHour: '1', token: 'USDT' },
        duration: '12h',
      },
      { image: 'x', resources: { memory: '2Gi' }, placement: { regions: ['eu-central'] } },
    );
    expect(merged).toEqual({
      image: 'x',
      resources: { cpu: 1, memory: '2Gi' },
      placement: { regions: ['eu-central'], spread: 'provider' },
      pricing: { maxPerHour: '1', token: 'USDT' },
      duration: '12h',
    });
  });

  it('GIVEN a list in the instance and a size in defaults WHEN merged THEN the instance list is taken whole', () => {
    expect(deepMerge({ storage: '10Gi' }, { storage: [{ name: 'a', size: '1Gi' }] })).toEqual({
      storage: [{ name: 'a', size: '1Gi' }],
    });
    expect(deepMerge({ tiers: ['secured', 'community'] }, { tiers: ['secured'] })).toEqual({
      tiers: ['secured'],
    });
  });

  it('GIVEN no defaults THEN the instance comes back unchanged', () => {
    const inst = { image: 'x' };
    expect(applyDefaults(undefined, inst)).toBe(inst);
  });
});
