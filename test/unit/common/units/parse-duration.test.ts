import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DURATION_UNITS, formatDuration, parseDuration } from '../../../../common/units/index.js';

const ok = (value: number) => ({ ok: true, value });

describe('parseDuration', () => {
  it('GIVEN every unit WHEN parsed THEN the result is exact milliseconds', () => {
    expect(parseDuration('250ms')).toEqual(ok(250));
    expect(parseDuration('30s')).toEqual(ok(30_000));
    expect(parseDuration('5m')).toEqual(ok(300_000));
    expect(parseDuration('2h')).toEqual(ok(7_200_000));
    expect(parseDuration('7d')).toEqual(ok(604_800_000));
    expect(parseDuration('1mon')).toEqual(ok(2_592_000_000));
    expect(parseDuration('1y')).toEqual(ok(31_536_000_000));
  });

  it('GIVEN 30m and 1.5h (0 blocks in the official SDK) WHEN parsed THEN m is minutes and decimals work', () => {
    expect(parseDuration('30m')).toEqual(ok(1_800_000));
    expect(parseDuration('1.5h')).toEqual(ok(5_400_000));
    expect(parseDuration('1s')).toEqual(ok(1000));
  });

  it('GIVEN a bare number or unitless string WHEN parsed THEN it is seconds', () => {
    expect(parseDuration(10)).toEqual(ok(10_000));
    expect(parseDuration('10')).toEqual(ok(10_000));
    expect(parseDuration(0.25)).toEqual(ok(250));
    expect(parseDuration('0s')).toEqual(ok(0));
  });

  it('GIVEN sub-millisecond precision WHEN parsed THEN it is an error', () => {
    expect(parseDuration('1.5ms')).toEqual({
      ok: false,
      problem: expect.stringContaining('whole number of milliseconds'),
    });
    expect(parseDuration('0.0001s').ok).toBe(false);
  });

  it('GIVEN garbage WHEN parsed THEN the problem names example durations', () => {
    for (const v of [
      '',
      'h',
      '1min',
      '1H',
      '-5s',
      '1e3s',
      '1h30m',
      'NaN',
      Number.NaN,
      -1,
      1e21,
      '1 h',
      '9999999999y',
    ]) {
      expect(parseDuration(v)).toEqual({ ok: false, problem: expect.stringContaining('expected') });
    }
  });

  it('GIVEN known durations WHEN formatted THEN the shortest exact form is used', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(1_800_000)).toBe('30m');
    expect(formatDuration(5_400_000)).toBe('90m'); // ties go to the unit without a fraction
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(31_536_000_000)).toBe('1y');
    expect(formatDuration(7)).toBe('7ms');
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });

  it('GIVEN any millisecond count WHEN formatted and parsed back THEN it is unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toEqual(ok(ms));
      }),
    );
  });

  it('GIVEN n of any unit WHEN parsed THEN it is n × the unit, and order is preserved', () => {
    const units = Object.keys(DURATION_UNITS);
    fc.assert(
      fc.property(
        fc.nat({ max: 100_000 }),
        fc.nat({ max: 100_000 }),
        fc.constantFrom(...units),
        (a, b, u) => {
          const pa = parseDuration(`${a}${u}`);
          const pb = parseDuration(`${b}${u}`);
          if (!pa.ok || !pb.ok) throw new Error('parse failed');
          expect(pa.value).toBe(a * Number(DURATION_UNITS[u]));
          expect(pa.value < pb.value).toBe(a < b);
        },
      ),
    );
  });

  it('GIVEN tenths of an hour WHEN parsed THEN there is no float drift', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), fc.integer({ min: 0, max: 9 }), (h, tenth) => {
        expect(parseDuration(`${h}.${tenth}h`)).toEqual(ok(h * 3_600_000 + tenth * 360_000));
      }),
    );
  });
});
