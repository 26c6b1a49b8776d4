import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { marketplaceInterfaces } from '../../../../wire/contract-interfaces.js';
import { encodeAggregate3, splitAggregate3 } from '../../../../provider/marketplace/multicall.js';

const iface = marketplaceInterfaces().Multicall3;
const encode = (results: readonly (readonly [boolean, Uint8Array])[]): Buffer => {
  const hex = iface.encodeFunctionResult('aggregate3', [results.map(([ok, b]) => [ok, b])]);
  return Buffer.from(hex.slice(2), 'hex');
};

describe('splitAggregate3', () => {
  it('GIVEN random aggregate3 results encoded by ethers WHEN split THEN each is its return data, or null when it failed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 200 })), { maxLength: 30 }),
        (results) => {
          const split = splitAggregate3(encode(results), results.length);
          expect(split.map((b) => (b === null ? null : b.toString('hex')))).toEqual(
            results.map(([ok, b]) => (ok ? Buffer.from(b).toString('hex') : null)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('GIVEN a count other than the calls sent, truncated data or a huge offset WHEN split THEN it throws a RangeError', () => {
    const data = encode([
      [true, new Uint8Array([1, 2, 3])],
      [false, new Uint8Array()],
    ]);
    expect(() => splitAggregate3(data, 3)).toThrow(RangeError);
    expect(() => splitAggregate3(data.subarray(0, data.length - 64), 2)).toThrow(RangeError);
    const huge = Buffer.from(data);
    huge[0] = 1;
    expect(() => splitAggregate3(huge, 2)).toThrow(RangeError);
  });
});

describe('encodeAggregate3', () => {
  const hex = (b: Uint8Array): string => `0x${Buffer.from(b).toString('hex')}`;
  it('GIVEN random targets and calldata WHEN encoded THEN the bytes equal ethers encodeFunctionData', () => {
    const selector = iface.getFunction('aggregate3')?.selector ?? '';
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            target: fc.uint8Array({ minLength: 20, maxLength: 20 }).map(hex),
            data: fc.uint8Array({ maxLength: 100 }).map(hex),
          }),
          { maxLength: 20 },
        ),
        (calls) => {
          const expected = iface.encodeFunctionData('aggregate3', [
            calls.map((c) => ({ target: c.target, allowFailure: true, callData: c.data })),
          ]);
          expect(encodeAggregate3(selector, calls)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('GIVEN a malformed target or odd-length calldata WHEN encoded THEN it throws a RangeError', () => {
    expect(() => encodeAggregate3('0x82ad56cb', [{ target: '0x12', data: '0x' }])).toThrow(
      RangeError,
    );
    const target = `0x${'ab'.repeat(20)}`;
    expect(() => encodeAggregate3('0x82ad56cb', [{ target, data: '0xabc' }])).toThrow(RangeError);
  });
});
