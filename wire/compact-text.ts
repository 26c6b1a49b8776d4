/**
 * The unquoted JS-like text the Spheron SDK's `compressOrderSpec` writes (reference §3.2):
 * `{k:v,k:[...]}` with bare scalars. Scalars are kept as strings; the typed layer converts them.
 */

/** A value of the compact text: a bare scalar, a list or an object whose key order is kept. */
export type CompactValue = string | CompactValue[] | { [key: string]: CompactValue };

// A scalar may hold balanced brackets ("web[2]") but never a structural comma or brace.
const FORBIDDEN = /[,{}"]/;

/** True when a scalar can be written bare and read back unchanged. */
export function isCompactScalar(text: string): boolean {
  if (text.length === 0 || FORBIDDEN.test(text) || text !== text.trim()) return false;
  let depth = 0;
  for (const ch of text) {
    if (ch === '[') depth += 1;
    if (ch === ']') depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0 && !text.startsWith('[');
}

/** Writes a value in the compact text; throws on a scalar that cannot round-trip. */
export function toCompactText(value: CompactValue): string {
  if (typeof value === 'string') {
    if (!isCompactScalar(value)) throw new RangeError(`cannot write ${JSON.stringify(value)} bare`);
    return value;
  }
  if (Array.isArray(value)) return `[${value.map(toCompactText).join(',')}]`;
  const parts = Object.entries(value).map(([k, v]) => `${k}:${toCompactText(v)}`);
  return `{${parts.join(',')}}`;
}

/** Reads the compact text; throws a SyntaxError naming the offset on malformed input. */
export function fromCompactText(text: string): CompactValue {
  const reader = { text, pos: 0 };
  const value = readValue(reader);
  if (reader.pos !== text.length) fail(reader, 'trailing characters');
  return value;
}

interface Reader {
  readonly text: string;
  pos: number;
}

function fail(r: Reader, what: string): never {
  throw new SyntaxError(`compact spec: ${what} at offset ${r.pos}`);
}

function readValue(r: Reader): CompactValue {
  const ch = r.text[r.pos];
  if (ch === '{') return readObject(r);
  if (ch === '[') return readList(r);
  return readScalar(r);
}

function readObject(r: Reader): { [key: string]: CompactValue } {
  r.pos += 1;
  const out: { [key: string]: CompactValue } = {};
  if (r.text[r.pos] === '}') {
    r.pos += 1;
    return out;
  }
  for (;;) {
    const colon = r.text.indexOf(':', r.pos);
    if (colon < 0) fail(r, 'missing ":"');
    const key = r.text.slice(r.pos, colon);
    if (!/^[A-Za-z_]+$/.test(key)) fail(r, `bad key ${JSON.stringify(key)}`);
    r.pos = colon + 1;
    out[key] = readValue(r);
    const next = r.text[r.pos];
    r.pos += 1;
    if (next === '}') return out;
    if (next !== ',') fail(r, 'expected "," or "}"');
  }
}

function readList(r: Reader): CompactValue[] {
  r.pos += 1;
  const out: CompactValue[] = [];
  if (r.text[r.pos] === ']') {
    r.pos += 1;
    return out;
  }
  for (;;) {
    out.push(readValue(r));
    const next = r.text[r.pos];
    r.pos += 1;
    if (next === ']') return out;
    if (next !== ',') fail(r, 'expected "," or "]"');
  }
}

function readScalar(r: Reader): string {
  const start = r.pos;
  let depth = 0;
  while (r.pos < r.text.length) {
    const ch = r.text[r.pos];
    if (ch === ',' || ch === '}' || ch === '{' || ch === '"') break;
    if (ch === '[') depth += 1;
    if (ch === ']') {
      if (depth === 0) break;
      depth -= 1;
    }
    r.pos += 1;
  }
  if (r.pos === start) fail(r, 'empty value');
  return r.text.slice(start, r.pos);
}
