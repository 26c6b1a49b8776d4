import { describe, expect, it } from '@jest/globals';
import { didYouMean, levenshtein } from '../../../../provider/spec/did-you-mean.js';

describe('levenshtein', () => {
  it('GIVEN equal, empty and distinct strings WHEN measured THEN counts single edits', () => {
    expect(levenshtein('memory', 'memory')).toBe(0);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('memroy', 'memory')).toBe(1); // one swap of neighbours
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });
});

describe('didYouMean', () => {
  const fields = ['cpu', 'memory', 'storage', 'gpu'];

  it('GIVEN a typo WHEN suggested THEN the closest field is offered', () => {
    expect(didYouMean('memroy', fields)).toBe('memory');
    expect(didYouMean('storag', fields)).toBe('storage');
    expect(didYouMean('wbe', ['web', 'db'])).toBe('web');
  });

  it('GIVEN a different case WHEN suggested THEN the canonical spelling is offered', () => {
    expect(didYouMean('topup', ['runway', 'topUp', 'maxDeposit'])).toBe('topUp');
  });

  it('GIVEN an unrelated or huge word WHEN suggested THEN nothing is offered', () => {
    expect(didYouMean('replicas', fields)).toBeUndefined();
    expect(didYouMean('x'.repeat(10_000), fields)).toBeUndefined();
    expect(didYouMean('cpu', [])).toBeUndefined();
  });
});
