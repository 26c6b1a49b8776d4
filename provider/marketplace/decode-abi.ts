/**
 * A lean ABI decoder for return data read in bulk: plain arrays instead of ethers `Result`
 * proxies, words read straight from a Buffer instead of through hex strings, and lowercase
 * addresses (no checksum keccak per address). Refresh decodes thousands of structs per pass, and
 * ethers' general path spent most of refresh's time and memory there. Values match ethers'
 * decoding (`bigint` for every integer, `0x` hex for bytes), except that addresses are lowercase.
 */
import type { ParamType } from 'ethers';

/** One decoded value: integers are bigint, addresses lowercase hex, bytes `0x` hex. */
export type AbiValue = bigint | boolean | string | AbiValue[];

/** The ABI shape the decoder needs: a subset of ethers' ParamType. */
export type AbiType = Pick<ParamType, 'baseType' | 'type' | 'components' | 'arrayChildren'> & {
  readonly arrayLength: number | null;
};

/**
 * Decodes `data` (the return data of one call) as the tuple `types` — e.g. an ethers function
 * fragment's `outputs`. Throws a RangeError when an offset or length points outside the data.
 * @example decodeAbi(iface.getFunction('leases')!.outputs, Buffer.from(ret.slice(2), 'hex'))
 */
export function decodeAbi(types: readonly AbiType[], data: Uint8Array): AbiValue[] {
  const buf = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.length);
  return decodeTuple(types, buf, 0);
}

function decodeTuple(types: readonly AbiType[], d: Buffer, start: number): AbiValue[] {
  const out: AbiValue[] = [];
  let head = start;
  for (const t of types) {
    if (isDynamic(t)) {
      out.push(decodeAt(t, d, start + offsetAt(d, head)));
      head += 32;
    } else {
      out.push(decodeAt(t, d, head));
      head += staticSize(t);
    }
  }
  return out;
}

function decodeAt(t: AbiType, d: Buffer, pos: number): AbiValue {
  const base = t.baseType;
  if (base === 'tuple') return decodeTuple(t.components ?? [], d, pos);
  if (base === 'array') return decodeArray(t, d, pos);
  if (base === 'address') return `0x${slice(d, pos + 12, 20).toString('hex')}`;
  if (base === 'bool') return word(d, pos) !== 0n;
  if (base === 'string') return bytesAt(d, pos).toString('utf8');
  if (base === 'bytes') return `0x${bytesAt(d, pos).toString('hex')}`;
  if (base.startsWith('uint')) return word(d, pos);
  if (base.startsWith('int')) return BigInt.asIntN(bitsOf(base, 'int'), word(d, pos));
  if (base.startsWith('bytes')) return `0x${slice(d, pos, Number(base.slice(5))).toString('hex')}`;
  throw new RangeError(`decodeAbi: unsupported type ${t.type}`);
}

function decodeArray(t: AbiType, d: Buffer, pos: number): AbiValue[] {
  const child = t.arrayChildren;
  if (child === null || child === undefined)
    throw new RangeError(`decodeAbi: array ${t.type} has no element type`);
  const fixed = t.arrayLength !== null && t.arrayLength >= 0;
  const length = fixed ? (t.arrayLength ?? 0) : offsetAt(d, pos);
  const start = fixed ? pos : pos + 32;
  // A length no data could hold is corrupt: refuse it before allocating.
  if (length * 32 > d.length - start)
    throw new RangeError(`decodeAbi: array length ${length} exceeds the data`);
  return decodeTuple(
    Array.from({ length }, () => child),
    d,
    start,
  );
}

/** Whether a type is encoded by offset (its data in the tail). */
function isDynamic(t: AbiType): boolean {
  if (t.baseType === 'string' || t.baseType === 'bytes') return true;
  if (t.baseType === 'array') {
    if (t.arrayLength === null || t.arrayLength < 0) return true;
    return t.arrayChildren !== null && t.arrayChildren !== undefined && isDynamic(t.arrayChildren);
  }
  if (t.baseType === 'tuple') return (t.components ?? []).some(isDynamic);
  return false;
}

/** Head size of a static type. */
function staticSize(t: AbiType): number {
  if (t.baseType === 'tuple') return (t.components ?? []).reduce((n, c) => n + staticSize(c), 0);
  if (t.baseType === 'array' && t.arrayChildren)
    return (t.arrayLength ?? 0) * staticSize(t.arrayChildren);
  return 32;
}

function bitsOf(base: string, prefix: string): number {
  const n = base.slice(prefix.length);
  return n === '' ? 256 : Number(n);
}

function slice(d: Buffer, pos: number, length: number): Buffer {
  if (pos < 0 || pos + length > d.length)
    throw new RangeError(`decodeAbi: read of ${length} bytes at ${pos} past the end (${d.length})`);
  return d.subarray(pos, pos + length);
}

/** One 32-byte big-endian word as an unsigned bigint. */
function word(d: Buffer, pos: number): bigint {
  slice(d, pos, 32);
  const lo = d.readBigUInt64BE(pos + 24);
  const hi = d.readBigUInt64BE(pos) | d.readBigUInt64BE(pos + 8) | d.readBigUInt64BE(pos + 16);
  if (hi === 0n) return lo;
  return (
    (d.readBigUInt64BE(pos) << 192n) |
    (d.readBigUInt64BE(pos + 8) << 128n) |
    (d.readBigUInt64BE(pos + 16) << 64n) |
    lo
  );
}

/** A word used as an offset or length: must fit the data, so it is a safe number. */
function offsetAt(d: Buffer, pos: number): number {
  const v = word(d, pos);
  if (v > BigInt(d.length))
    throw new RangeError(`decodeAbi: offset ${v} past the end (${d.length})`);
  return Number(v);
}

/** `bytes`/`string` payload at `pos`: a length word, then the bytes. */
function bytesAt(d: Buffer, pos: number): Buffer {
  return slice(d, pos + 32, offsetAt(d, pos));
}
