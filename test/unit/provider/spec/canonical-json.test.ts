import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalJson, deepFreeze } from '../../../../provider/spec/canonical-json.js';
import { contentHash } from '../../../../provider/spec/content-hash.js';

describe('canonicalJson', () => {
  it('GIVEN nested objects WHEN serialised THEN keys are sorted and there is no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 'x'], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,"x"]},"b":1}',
    );
  });

  it('GIVEN bigint and undefined members WHEN serialised THEN bigint is a decimal string and undefined is dropped', () => {
    expect(canonicalJson({ amount: 12345678901234567890n, gone: undefined })).toBe(
      '{"amount":"12345678901234567890"}',
    );
  });

  it('GIVEN keys that sort differently by locale WHEN serialised THEN code-unit order is used', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4 })).toBe('{"B":2,"_":4,"a":3,"b":1}');
  });

  it('GIVEN a float, NaN, an unsafe integer or an undefined array item THEN it throws', () => {
    expect(() => canonicalJson({ x: 0.5 })).toThrow(/safe integers/);
    expect(() => canonicalJson([Number.NaN])).toThrow(TypeError);
    expect(() => canonicalJson(2 ** 53)).toThrow(TypeError);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined inside an array/);
    expect(() => canonicalJson(new Date(0))).toThrow(/plain object/);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
  });

  it('GIVEN any JSON value WHEN its keys are shuffled THEN the canonical form and hash are the same', () => {
    // The model holds only safe integers (canonicalJson rejects anything else), so generate those.
    const onlySafeIntegers = (v: unknown): boolean =>
      typeof v === 'number'
        ? Number.isSafeInteger(v) && !Object.is(v, -0)
        : v !== null && typeof v === 'object'
          ? Object.values(v).every(onlySafeIntegers)
          : true;
    const json = fc.jsonValue().filter(onlySafeIntegers);
    fc.assert(
      fc.property(json, (v) => {
        const reversed = JSON.parse(JSON.stringify(v), (_k, val: unknown) =>
          val !== null && typeof val === 'object' && !Array.isArray(val)
            ? Object.fromEntries(Object.entries(val).reverse())
            : val,
        ) as unknown;
        expect(canonicalJson(reversed)).toBe(canonicalJson(v));
        expect(contentHash(reversed)).toBe(contentHash(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('contentHash', () => {
  it('GIVEN a value WHEN hashed THEN it is sha256 of its canonical JSON, and any change alters it', () => {
    expect(contentHash({})).toBe(
      'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    );
    expect(contentHash({ a: 1 })).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
});

describe('canonicalJson of frozen values', () => {
  it('GIVEN a deep-frozen value WHEN serialised twice THEN the text is the same and still exact', () => {
    const v = deepFreeze({ b: [1, { c: 'x' }], a: { d: 2n } });
    expect(canonicalJson(v)).toBe('{"a":{"d":"2"},"b":[1,{"c":"x"}]}');
    expect(canonicalJson({ wrap: v })).toBe('{"wrap":{"a":{"d":"2"},"b":[1,{"c":"x"}]}}');
  });

  it('GIVEN a frozen shell with a mutable child WHEN the child changes THEN the text follows it', () => {
    const child = { n: 1 };
    const shell = Object.freeze({ child });
    expect(canonicalJson(shell)).toBe('{"child":{"n":1}}');
    child.n = 2;
    expect(canonicalJson(shell)).toBe('{"child":{"n":2}}');
  });
});
