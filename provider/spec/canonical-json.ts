/**
 * The model's one serialisation: object keys sorted by UTF-16 code units, no whitespace, bigint
 * as a decimal string, `undefined` object members dropped. Every number must be a safe integer,
 * because the model holds only integers (millicores, milliseconds, counts) and a float would make
 * the hash depend on how a runtime prints it.
 *
 * @example canonicalJson({ b: 1, a: [2n, 'x'] }) === '{"a":["2","x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

// Frozen objects cannot change, so their canonical text is computed once: the model is frozen by
// the normalizer and serialised several times (each resource's hash, the stack hash, `synth`).
const frozenText = new WeakMap<object, string>();

/** Deep-freezes a value so canonicalJson may cache its text; returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function write(value: unknown, at: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'number':
      if (!Number.isSafeInteger(value)) {
        throw new TypeError(
          `canonicalJson: ${at} is ${value}, but model numbers must be safe integers`,
        );
      }
      return Object.is(value, -0) ? '0' : String(value);
    case 'object':
      return writeCached(value, at);
    default:
      throw new TypeError(`canonicalJson: ${at} has unsupported type ${typeof value}`);
  }
}

function writeCached(obj: object, at: string): string {
  const known = frozenText.get(obj);
  if (known !== undefined) return known;
  const text = Array.isArray(obj) ? writeArray(obj, at) : writeObject(obj, at);
  // Only a deep-frozen value is immutable all the way down; a frozen shell with a mutable child
  // is not cached.
  if (Object.isFrozen(obj) && isDeepFrozen(obj)) frozenText.set(obj, text);
  return text;
}

function isDeepFrozen(obj: object): boolean {
  return Object.values(obj).every(
    (v) =>
      v === null ||
      typeof v !== 'object' ||
      (Object.isFrozen(v) && (frozenText.has(v) || isDeepFrozen(v))),
  );
}

function writeArray(items: readonly unknown[], at: string): string {
  // An undefined array item would shift every later index, so it is an error, not dropped.
  return `[${items.map((v, i) => (v === undefined ? fail(`${at}[${i}]`) : write(v, `${at}[${i}]`))).join(',')}]`;
}

function writeObject(obj: object, at: string): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: ${at} is not a plain object`);
  }
  const members = Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${at}.${k}`)}`);
  return `{${members.join(',')}}`;
}

function fail(at: string): never {
  throw new TypeError(`canonicalJson: ${at} is undefined inside an array`);
}
