import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeStackTag, encodeStackTag } from '../../../../provider/marketplace/stack-tag.js';

const part = fc.stringMatching(/^[a-z0-9-]{1,20}$/);

describe('stack tag', () => {
  it('GIVEN a stack, instance and key WHEN encoded THEN it reads lh1.<stack>.<instance>.<key>', () => {
    expect(encodeStackTag({ stack: 'shop', instance: 'web', key: 'us-east' })).toBe(
      'lh1.shop.web.us-east',
    );
  });

  it('GIVEN any valid parts WHEN encoded then decoded THEN the parts come back', () => {
    fc.assert(
      fc.property(part, part, part, (stack, instance, key) => {
        expect(decodeStackTag(encodeStackTag({ stack, instance, key }))).toEqual({
          stack,
          instance,
          key,
        });
      }),
    );
  });

  it('GIVEN a part with a dot or capital WHEN encoded THEN it throws', () => {
    expect(() => encodeStackTag({ stack: 'a.b', instance: 'web', key: '0' })).toThrow(RangeError);
    expect(() => encodeStackTag({ stack: 'shop', instance: 'Web', key: '0' })).toThrow(/instance/);
  });

  it.each([
    'westcoast',
    'lh2.shop.web.0',
    'lh1.shop.web',
    'lh1.shop.web.0.extra',
    'lh1..web.0',
    'lh1.Shop.web.0',
  ])('GIVEN the foreign name %s WHEN decoded THEN it is not a tag', (name) => {
    expect(decodeStackTag(name)).toBeNull();
  });
});
