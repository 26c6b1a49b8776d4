import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatDecimal,
  parseDecimal,
  scaleDecimal,
  toDecimalString,
} from '../../../../provider/convert/decimal.js';

describe('decimal', () => {
  it.each([
    [10, '10'],
    [0.75, '0.75'],
    [1e-7, '0.0000001'],
    [1e21, '1000000000000000000000'],
    ['3.750', '3.75'],
    ['007', '7'],
  ])('GIVEN %p WHEN made decimal text THEN it is %s', (v, want) => {
    expect(toDecimalString(v)).toBe(want);
  });

  it.each([-1, Number.NaN, Infinity, '1,5', '', ' ', '-2', null, {}])(
    'GIVEN %p WHEN made decimal text THEN it is null',
    (v) => {
      expect(toDecimalString(v)).toBeNull();
    },
  );

  it('GIVEN 25000.5 per block WHEN scaled by 600/10^6 THEN it is exactly 15.0003', () => {
    const d = parseDecimal('25000.5');
    expect(d && formatDecimal(scaleDecimal(d, 600n, 6))).toBe('15.0003');
  });

  it('GIVEN any decimal text WHEN parsed and formatted THEN the value survives', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 24 }),
        (digits, scale) => {
          const text = formatDecimal({ digits, scale });
          const back = parseDecimal(text);
          expect(back).not.toBeNull();
          if (back === null) return;
          // Same rational value: a/10^s == b/10^t.
          expect(back.digits * 10n ** BigInt(scale)).toBe(digits * 10n ** BigInt(back.scale));
        },
      ),
    );
  });
});
