import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatTokenAmount } from '../../../../common/index.js';

// The one formatter of token amounts (STYLE §27): renderers, cost and errors all use it.
describe('formatTokenAmount', () => {
  it.each([
    ['1500000', 6, '1.5'],
    ['1', 6, '0.000001'],
    ['0', 6, '0'],
    ['1000000', 6, '1'],
    ['123456789012345678901234567890', 18, '123456789012.34567890123456789'],
    ['-2500', 3, '-2.5'],
    ['42', 0, '42'],
    ['-0', 6, '0'],
  ])('GIVEN %s with %i decimals THEN %s', (amount, decimals, expected) => {
    expect(formatTokenAmount(BigInt(amount), decimals)).toBe(expected);
  });

  it('GIVEN any bigint WHEN formatted THEN parsing the text back gives the same base units', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 24 }),
        (n, d) => {
          const [whole = '', frac = ''] = formatTokenAmount(n, d).split('.');
          expect(BigInt(whole + frac.padEnd(d, '0'))).toBe(n);
        },
      ),
    );
  });

  it('GIVEN negative decimals THEN it throws', () => {
    expect(() => formatTokenAmount(1n, -1)).toThrow(RangeError);
  });
});
