import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatTokenAmount, parseTokenAmount } from '../../../../common/units/index.js';

const ok = (value: bigint) => ({ ok: true, value });

describe('parseTokenAmount', () => {
  it('GIVEN decimal text WHEN parsed THEN it is exact base units', () => {
    expect(parseTokenAmount('0.75', 6)).toEqual(ok(750_000n));
    expect(parseTokenAmount('2', 6)).toEqual(ok(2_000_000n));
    expect(parseTokenAmount('0.000001', 6)).toEqual(ok(1n));
    expect(parseTokenAmount('123456789012345678901234567890.5', 18)).toEqual(
      ok(123456789012345678901234567890500000000000000000n),
    );
    expect(parseTokenAmount('0', 6)).toEqual(ok(0n));
    expect(parseTokenAmount('7', 0)).toEqual(ok(7n));
  });

  it('GIVEN a plain-decimal number WHEN parsed THEN it is accepted through its text form', () => {
    expect(parseTokenAmount(0.1, 6)).toEqual(ok(100_000n));
    expect(parseTokenAmount(2, 18)).toEqual(ok(2n * 10n ** 18n));
  });

  it('GIVEN more fractional digits than the token has WHEN parsed THEN it is an error, not a rounding', () => {
    expect(parseTokenAmount('0.0000001', 6)).toEqual({
      ok: false,
      problem: expect.stringContaining('at most 6 decimal places'),
    });
    expect(parseTokenAmount('1.5', 0).ok).toBe(false);
  });

  it('GIVEN negatives, exponents, NaN and empty WHEN parsed THEN each is an error', () => {
    for (const v of [
      '',
      ' ',
      '-1',
      '1e3',
      '1E3',
      'NaN',
      'Infinity',
      '.5',
      '5.',
      '0x10',
      '1,5',
      -1,
      Number.NaN,
      Infinity,
      1e21,
      1e-7,
    ]) {
      expect(parseTokenAmount(v, 6)).toEqual({
        ok: false,
        problem: expect.stringContaining('expected'),
      });
    }
    expect(parseTokenAmount('1', -1).ok).toBe(false);
    expect(parseTokenAmount('1', 1.5).ok).toBe(false);
  });

  it('GIVEN base units WHEN formatted THEN the shortest exact whole-token text is produced', () => {
    expect(formatTokenAmount(750_000n, 6)).toBe('0.75');
    expect(formatTokenAmount(2_000_000n, 6)).toBe('2');
    expect(formatTokenAmount(1n, 6)).toBe('0.000001');
    expect(formatTokenAmount(0n, 6)).toBe('0');
    expect(formatTokenAmount(5n, 0)).toBe('5');
  });

  it('GIVEN any amount and precision WHEN formatted and parsed back THEN it is unchanged', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 40n }),
        fc.integer({ min: 0, max: 30 }),
        (base, d) => {
          expect(parseTokenAmount(formatTokenAmount(base, d), d)).toEqual(ok(base));
        },
      ),
    );
  });

  it('GIVEN decimal text WHEN parsed and formatted THEN the text comes back without trailing zeros', () => {
    const digits = fc.string({
      unit: fc.constantFrom(...'0123456789'),
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        digits,
        fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
        (i, f) => {
          const text = f === '' ? i : `${i}.${f}`;
          const r = parseTokenAmount(text, 6);
          if (!r.ok) throw new Error(r.problem);
          const canon = (t: string) =>
            t
              .replace(/^0+(?=\d)/, '')
              .replace(/(\.\d*?)0+$/, '$1')
              .replace(/\.$/, '');
          expect(formatTokenAmount(r.value, 6)).toBe(canon(text));
        },
      ),
    );
  });

  it('GIVEN two amounts WHEN parsed THEN order is preserved (monotonic)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        (a, b) => {
          const pa = parseTokenAmount(formatTokenAmount(a, 6), 6);
          const pb = parseTokenAmount(formatTokenAmount(b, 6), 6);
          if (!pa.ok || !pb.ok) throw new Error('parse failed');
          expect(pa.value < pb.value).toBe(a < b);
        },
      ),
    );
  });

  it('GIVEN 0.1 + 0.2 tokens WHEN summed in base units THEN it is exactly 0.3 (no float drift)', () => {
    const a = parseTokenAmount('0.1', 18);
    const b = parseTokenAmount('0.2', 18);
    if (!a.ok || !b.ok) throw new Error('parse failed');
    expect(formatTokenAmount(a.value + b.value, 18)).toBe('0.3');
  });
});
