import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BYTE_UNITS, formatByteSize, parseByteSize } from '../../../../common/units/index.js';

const ok = (value: bigint) => ({ ok: true, value });

describe('parseByteSize', () => {
  it('GIVEN every suffix WHEN parsed THEN binary and decimal multipliers are exact', () => {
    expect(parseByteSize('1Ki')).toEqual(ok(1024n));
    expect(parseByteSize('512Mi')).toEqual(ok(536870912n));
    expect(parseByteSize('1Gi')).toEqual(ok(1073741824n));
    expect(parseByteSize('1Ti')).toEqual(ok(1099511627776n));
    expect(parseByteSize('1Pi')).toEqual(ok(1125899906842624n));
    expect(parseByteSize('1Ei')).toEqual(ok(1152921504606846976n));
    expect(parseByteSize('1k')).toEqual(ok(1000n));
    expect(parseByteSize('1M')).toEqual(ok(1000000n));
    expect(parseByteSize('2T')).toEqual(ok(2000000000000n));
    expect(parseByteSize('1P')).toEqual(ok(10n ** 15n));
    expect(parseByteSize('8E')).toEqual(ok(8n * 10n ** 18n));
    expect(parseByteSize(1048576)).toEqual(ok(1048576n));
    expect(parseByteSize('1048576')).toEqual(ok(1048576n));
  });

  it('GIVEN the official SDK bugs WHEN parsed THEN 1G is 1e9 (not 0) and 512 is 512 (not 5)', () => {
    expect(parseByteSize('1G')).toEqual(ok(1_000_000_000n));
    expect(parseByteSize('512')).toEqual(ok(512n));
  });

  it('GIVEN a fraction WHEN the result is whole bytes THEN it is accepted, else rejected', () => {
    expect(parseByteSize('1.5Gi')).toEqual(ok(1610612736n));
    expect(parseByteSize('0.5k')).toEqual(ok(500n));
    expect(parseByteSize('1.5').ok).toBe(false);
    expect(parseByteSize('0.0001k').ok).toBe(false);
  });

  it('GIVEN garbage WHEN parsed THEN the problem names example sizes', () => {
    for (const v of [
      '',
      'Gi',
      '1GB',
      '1gi',
      '-1Gi',
      '1e9',
      1e21,
      Number.NaN,
      '1 Gi',
      '1.2.3Mi',
      'K',
    ]) {
      expect(parseByteSize(v)).toEqual({ ok: false, problem: expect.stringContaining('expected') });
    }
    const r = parseByteSize('1GB');
    if (!r.ok) expect(r.problem).toContain('512Mi, 1Gi, 1G or 1048576');
  });

  it('GIVEN known sizes WHEN formatted THEN the shortest exact form is used', () => {
    expect(formatByteSize(0n)).toBe('0');
    expect(formatByteSize(1023n)).toBe('1023');
    expect(formatByteSize(1024n)).toBe('1Ki');
    expect(formatByteSize(1000n)).toBe('1k');
    expect(formatByteSize(1610612736n)).toBe('1.5Gi');
    expect(formatByteSize(1073741824n)).toBe('1Gi');
    expect(formatByteSize(1_000_000_000n)).toBe('1G');
  });

  it('GIVEN any byte count WHEN formatted and parsed back THEN it is unchanged', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 70n }), (b) => {
        expect(parseByteSize(formatByteSize(b))).toEqual(ok(b));
      }),
    );
  });

  it('GIVEN n of any unit WHEN parsed and formatted THEN parsing the output gives n × unit', () => {
    const units = Object.keys(BYTE_UNITS);
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.constantFrom(...units), (n, u) => {
        const bytes = BigInt(n) * (BYTE_UNITS[u] ?? 0n);
        const r = parseByteSize(`${n}${u}`);
        expect(r).toEqual(ok(bytes));
        expect(formatByteSize(bytes).length).toBeLessThanOrEqual(`${n}${u}`.length);
      }),
    );
  });

  it('GIVEN two sizes in the same unit WHEN parsed THEN order is preserved (monotonic)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('Mi', 'G', ''), (a, b, u) => {
        const pa = parseByteSize(`${a}${u}`);
        const pb = parseByteSize(`${b}${u}`);
        if (!pa.ok || !pb.ok) throw new Error('parse failed');
        expect(pa.value < pb.value).toBe(a < b);
      }),
    );
  });

  it('GIVEN halves and tenths of a GiB WHEN parsed THEN halves are exact and tenths are refused, with no float drift', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 9 }), (n, tenth) => {
        expect(parseByteSize(`${n}.5Gi`)).toEqual(ok(BigInt(n) * (1n << 30n) + (1n << 29n)));
        // tenth × 2^30 / 10 is whole only for tenth = 5: 2^30 has no factor 5 of its own.
        expect(parseByteSize(`${n}.${tenth}Gi`).ok).toBe(tenth === 5);
      }),
    );
  });
});
