import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { iclTierToSpecTiers, tierNumbersToIclNames } from '../../../../provider/icl/icl-tiers.js';

const NUMBERS: Record<string, number[]> = {
  secured: [0, 1, 2],
  community: [3, 4, 5, 6],
  'secured-1': [0],
  'secured-2': [1],
  'secured-3': [2],
  'community-1': [3],
  'community-2': [4],
  'community-3': [5],
  'community-4': [6],
};

describe('ICL tiers', () => {
  it('GIVEN any set of tier numbers WHEN written as ICL names and read back THEN the set is the same', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 6 })), (tiers) => {
        const names = tierNumbersToIclNames(tiers);
        const back = names
          .flatMap((n) => iclTierToSpecTiers(n) ?? [])
          .flatMap((t) => NUMBERS[t] ?? []);
        expect([...new Set(back)].sort()).toEqual([...tiers].sort());
      }),
    );
  });

  it.each([
    [
      [0, 1, 2, 3, 4, 5, 6],
      ['secured', 'community'],
    ],
    [[3, 4, 5, 6], ['community']],
    [
      [0, 4],
      ['secured-1', 'community-2'],
    ],
  ])('GIVEN %j WHEN written THEN it is %j', (tiers, names) => {
    expect(tierNumbersToIclNames(tiers)).toEqual(names);
  });

  it.each([
    ['secured1', ['secured-1']],
    ['Community-4', ['community-4']],
    ['community-default', ['secured', 'community']],
    ['secured-4', null],
    ['gold', null],
  ])('GIVEN ICL tier %s WHEN read THEN it is %j', (name, want) => {
    expect(iclTierToSpecTiers(name)).toEqual(want);
  });
});
