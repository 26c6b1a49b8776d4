import { describe, expect, it } from '@jest/globals';
import { mapSlots } from '../../../../../provider/resources/instance/map-slots.js';

describe('mapSlots', () => {
  it('GIVEN spread none WHEN count is 3 THEN one slot "0" holds all 3 replicas', () => {
    expect(mapSlots({ spread: 'none', regions: ['us-east'], count: 3 })).toEqual([
      { key: '0', replicas: 3, region: null },
    ]);
  });

  it('GIVEN spread provider WHEN count is 3 THEN slots "0".."2" hold one replica each', () => {
    expect(mapSlots({ spread: 'provider', regions: [], count: 3 })).toEqual([
      { key: '0', replicas: 1, region: null },
      { key: '1', replicas: 1, region: null },
      { key: '2', replicas: 1, region: null },
    ]);
  });

  it('GIVEN spread region over 3 unsorted regions WHEN count is 4 THEN replicas go 2,1,1 in sorted region order', () => {
    expect(
      mapSlots({ spread: 'region', regions: ['us-west', 'eu-central', 'us-east'], count: 4 }),
    ).toEqual([
      { key: 'eu-central', replicas: 2, region: 'eu-central' },
      { key: 'us-east', replicas: 1, region: 'us-east' },
      { key: 'us-west', replicas: 1, region: 'us-west' },
    ]);
  });

  it('GIVEN spread region with more regions than replicas WHEN mapped THEN regions dealt nothing get no slot', () => {
    expect(mapSlots({ spread: 'region', regions: ['c', 'a', 'b'], count: 2 })).toEqual([
      { key: 'a', replicas: 1, region: 'a' },
      { key: 'b', replicas: 1, region: 'b' },
    ]);
  });

  it('GIVEN spread region with no regions WHEN mapped THEN there is no slot (checkSlots reports it)', () => {
    expect(mapSlots({ spread: 'region', regions: [], count: 2 })).toEqual([]);
  });

  it('GIVEN any spread WHEN count is 0 THEN there is no slot', () => {
    for (const spread of ['none', 'provider', 'region'] as const) {
      expect(mapSlots({ spread, regions: ['a'], count: 0 })).toEqual([]);
    }
  });

  it('GIVEN spread region WHEN count is a multiple of the regions THEN every region gets the same share', () => {
    const slots = mapSlots({ spread: 'region', regions: ['a', 'b', 'c'], count: 9 });
    expect(slots.map((s) => s.replicas)).toEqual([3, 3, 3]);
  });
});
