import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatCpu, parseCpu } from '../../../../common/units/index.js';

describe('parseCpu', () => {
  it('GIVEN cores or millicores WHEN parsed THEN the result is exact millicores', () => {
    expect(parseCpu(0.5)).toEqual({ ok: true, value: 500 });
    expect(parseCpu('500m')).toEqual({ ok: true, value: 500 });
    expect(parseCpu(2)).toEqual({ ok: true, value: 2000 });
    expect(parseCpu('1.25')).toEqual({ ok: true, value: 1250 });
    expect(parseCpu('0.001')).toEqual({ ok: true, value: 1 });
  });

  it('GIVEN 100m (NaN in the official SDK) WHEN parsed THEN it is 100 millicores', () => {
    expect(parseCpu('100m')).toEqual({ ok: true, value: 100 });
  });

  it('GIVEN sub-millicore precision WHEN parsed THEN it is an error, not a rounding', () => {
    for (const v of ['0.0005', 0.0005, '0.5m', '1.0001']) {
      const r = parseCpu(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problem).toMatch(/whole number of millicores|expected/);
    }
  });

  it('GIVEN garbage, zero or negatives WHEN parsed THEN each is an error naming examples', () => {
    for (const v of [
      '',
      'abc',
      '-1',
      -0.5,
      0,
      '0m',
      'NaN',
      Number.NaN,
      1e21,
      '1e3',
      '2 cores',
      'm',
    ]) {
      const r = parseCpu(v);
      expect(r).toEqual({ ok: false, problem: expect.stringContaining('expected') });
    }
  });

  it('GIVEN any millicore count WHEN formatted and parsed back THEN it is unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (mc) => {
        expect(parseCpu(formatCpu(mc))).toEqual({ ok: true, value: mc });
      }),
    );
  });

  it('GIVEN cores with up to 3 decimals WHEN parsed THEN format gives back an equal value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (mc) => {
        const cores = `${Math.floor(mc / 1000)}.${String(mc % 1000).padStart(3, '0')}`;
        const r = parseCpu(cores);
        expect(r).toEqual({ ok: true, value: mc });
        expect(formatCpu(mc)).toBe(mc % 1000 === 0 ? String(mc / 1000) : `${mc}m`);
      }),
    );
  });

  it('GIVEN two millicore counts WHEN both are parsed THEN order is preserved (monotonic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
        const pa = parseCpu(`${a}m`);
        const pb = parseCpu(`${b}m`);
        if (!pa.ok || !pb.ok) throw new Error('parse failed');
        expect(Math.sign(pa.value - pb.value)).toBe(Math.sign(a - b));
      }),
    );
  });

  it('GIVEN a negative or fractional millicore count WHEN formatted THEN it throws', () => {
    expect(() => formatCpu(-1)).toThrow(RangeError);
    expect(() => formatCpu(0.5)).toThrow(RangeError);
  });
});
