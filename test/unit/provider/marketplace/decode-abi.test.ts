import { describe, expect, it } from '@jest/globals';
import { AbiCoder, ParamType, Result } from 'ethers';
import fc from 'fast-check';
import { decodeAbi } from '../../../../provider/marketplace/decode-abi.js';
import { marketplaceInterfaces } from '../../../../wire/contract-interfaces.js';

const coder = AbiCoder.defaultAbiCoder();
const bytesOf = (hex: string): Buffer => Buffer.from(hex.slice(2), 'hex');

/** ethers' decoding as plain data: Results to arrays, addresses lowercase (the lean form). */
function plain(v: unknown): unknown {
  if (v instanceof Result || Array.isArray(v)) return [...(v as unknown[])].map(plain);
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return v.toLowerCase();
  return v;
}

/** A random ABI type (depth-limited) with an arbitrary of values of that type. */
interface Gen {
  readonly type: string;
  readonly value: fc.Arbitrary<unknown>;
}

const leaf: fc.Arbitrary<Gen> = fc.oneof(
  fc.constantFrom(8, 64, 256).map((bits) => ({
    type: `uint${bits}`,
    value: fc.bigInt({ min: 0n, max: 2n ** BigInt(bits) - 1n }),
  })),
  fc.constantFrom(8, 128, 256).map((bits) => ({
    type: `int${bits}`,
    value: fc.bigInt({ min: -(2n ** BigInt(bits - 1)), max: 2n ** BigInt(bits - 1) - 1n }),
  })),
  fc.constant({
    type: 'address',
    value: fc
      .uint8Array({ minLength: 20, maxLength: 20 })
      .map((b) => `0x${Buffer.from(b).toString('hex')}`),
  }),
  fc.constant({ type: 'bool', value: fc.boolean() }),
  fc.constant({ type: 'string', value: fc.string({ unit: 'grapheme', maxLength: 80 }) }),
  fc.constant({
    type: 'bytes',
    value: fc.uint8Array({ maxLength: 100 }).map((b) => `0x${Buffer.from(b).toString('hex')}`),
  }),
  fc.constantFrom(1, 4, 32).map((n) => ({
    type: `bytes${n}`,
    value: fc
      .uint8Array({ minLength: n, maxLength: n })
      .map((b) => `0x${Buffer.from(b).toString('hex')}`),
  })),
);

const gen: fc.Arbitrary<Gen> = fc.letrec<{ node: Gen }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('node').map((g) => ({ type: `${g.type}[]`, value: fc.array(g.value, { maxLength: 4 }) })),
    tie('node').map((g) => ({
      type: `${g.type}[2]`,
      value: fc.array(g.value, { minLength: 2, maxLength: 2 }),
    })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((gs) => ({
      type: `(${gs.map((g) => g.type).join(',')})`,
      value: fc.tuple(...gs.map((g) => g.value)),
    })),
  ),
})).node;

describe('decodeAbi', () => {
  it('GIVEN random ABI types and values encoded by ethers WHEN decoded THEN the result equals ethers decoding', () => {
    fc.assert(
      fc.property(
        fc
          .array(gen, { minLength: 1, maxLength: 4 })
          .chain((gs) =>
            fc.tuple(fc.constant(gs.map((g) => g.type)), fc.tuple(...gs.map((g) => g.value))),
          ),
        ([types, values]) => {
          const data = coder.encode(types, values);
          const expected = plain(coder.decode(types, data));
          const params = types.map((t) => ParamType.from(t));
          expect(decodeAbi(params, bytesOf(data))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('GIVEN the marketplace return types (lease, order, provider, aggregate3) WHEN decoded THEN they equal ethers decoding', () => {
    const i = marketplaceInterfaces();
    const A = '0x00000000000000000000000000000000000000aa';
    const cases = [
      { iface: i.ComputeLease, fn: 'leases', values: [7n, 0n, 7n, 12345n, A, A, 10n, 99n, 0n, 0n] },
      {
        iface: i.OrderRequest,
        fn: 'getOrderById',
        values: [[7n, 5n, 100n, A, A, 3n, ['{n:lh1.s.w.0}', 1n, 0n, [1n, 2n]]]],
      },
      {
        iface: i.ProviderRegistry,
        fn: 'getProviderByAddress',
        values: ['{r:us-east}', '127.0.0.1:8443', 'PEM', [A], 2n, 1n, 0n, A],
      },
      {
        iface: i.Multicall3,
        fn: 'aggregate3',
        values: [
          [
            [true, '0x01'],
            [false, '0x'],
          ],
        ],
      },
    ];
    for (const c of cases) {
      const f = c.iface.getFunction(c.fn);
      if (f === null) throw new Error(`no ${c.fn}`);
      const data = c.iface.encodeFunctionResult(f, c.values);
      expect(decodeAbi(f.outputs, bytesOf(data))).toEqual(
        plain(c.iface.decodeFunctionResult(f, data)),
      );
    }
  });

  it('GIVEN truncated data or an offset past the end WHEN decoded THEN it throws a RangeError', () => {
    const data = bytesOf(coder.encode(['string', 'uint256[]'], ['hello', [1n, 2n]]));
    const types = [ParamType.from('string'), ParamType.from('uint256[]')];
    expect(() => decodeAbi(types, data.subarray(0, data.length - 32))).toThrow(RangeError);
    const bad = Buffer.from(data);
    bad.writeUInt32BE(0xffff, 28);
    expect(() => decodeAbi(types, bad)).toThrow(RangeError);
    const huge = Buffer.from(data);
    huge.writeUInt32BE(0x7fffffff, 32 * 5 - 4);
    expect(() => decodeAbi(types, huge)).toThrow(RangeError);
  });
});
