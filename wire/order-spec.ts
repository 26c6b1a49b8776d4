/**
 * The order spec string stored on chain by `createOrder` (reference §3.2): the SDK's compressed,
 * unquoted form of `{Name, PlacementsRequirement, Services}`. Contracts keep it opaque; providers
 * decode it to decide whether they can serve an order.
 */
import { fromCompactText, toCompactText } from './compact-text.js';
import type { CompactValue } from './compact-text.js';

/** A `{Key, Value}` attribute (`{k:..,v:..}` on the wire). */
export interface SpecAttribute {
  readonly key: string;
  readonly value: string;
}

/** A storage volume request in bytes. */
export interface SpecStorage {
  readonly name: string;
  readonly attributes: readonly SpecAttribute[];
  readonly bytes: number;
}

/** Endpoint kinds: 0 shared HTTP ingress, 1 random port, 2 leased IP. */
export interface SpecEndpoint {
  readonly kind: number;
  readonly sequenceNumber: number;
}

/** The resources of one replica of a service. */
export interface SpecResources {
  /** 1-based index of the service in the spec. */
  readonly id: number;
  readonly cpuMillis: number;
  readonly cpuAttributes: readonly SpecAttribute[];
  readonly memoryBytes: number;
  readonly memoryAttributes: readonly SpecAttribute[];
  readonly storage: readonly SpecStorage[];
  readonly gpuUnits: number;
  /** `vendor/<vendor>/model/<model>` keys with value `true`. */
  readonly gpuAttributes: readonly SpecAttribute[];
  readonly endpoints: readonly SpecEndpoint[];
}

/** One service of an order. */
export interface SpecService {
  readonly name: string;
  readonly resources: SpecResources;
  /** Replicas; the 1.3.5 SDK always writes 1 here (reference §3.3). */
  readonly count: number;
}

/** The decoded order spec. */
export interface OrderSpec {
  /** The placement name (Leasehold writes its stack and resource address here). */
  readonly name: string;
  /** Placement attributes: region, desired_provider, provider_exclude, region_exclude, … */
  readonly placement: readonly SpecAttribute[];
  /** `pw` wallets, present only when the encoder wrote them. */
  readonly providerWallets?: readonly string[] | undefined;
  readonly services: readonly SpecService[];
}

const attrsOut = (attrs: readonly SpecAttribute[]): CompactValue =>
  attrs.map((a) => ({ k: a.key, v: a.value }));

/**
 * Writes the compressed spec exactly as the SDK does (key order included).
 * @example encodeOrderSpec(spec) // "{n:westcoast,pr:{a:[{k:region,v:us-central}]},s:[...]}"
 */
export function encodeOrderSpec(spec: OrderSpec): string {
  const pr: { [k: string]: CompactValue } = { a: attrsOut(spec.placement) };
  if (spec.providerWallets !== undefined) pr['pw'] = [...spec.providerWallets];
  return toCompactText({
    n: spec.name,
    pr,
    s: spec.services.map((svc) => ({
      n: svc.name,
      r: resourcesOut(svc.resources),
      c: String(svc.count),
    })),
  });
}

function resourcesOut(r: SpecResources): CompactValue {
  return {
    i: String(r.id),
    c: { u: String(r.cpuMillis), a: attrsOut(r.cpuAttributes) },
    m: { u: String(r.memoryBytes), a: attrsOut(r.memoryAttributes) },
    s: r.storage.map((s) => ({ n: s.name, a: attrsOut(s.attributes), u: String(s.bytes) })),
    g: { a: attrsOut(r.gpuAttributes), u: String(r.gpuUnits) },
    e: r.endpoints.map((e) => ({ k: String(e.kind), s: String(e.sequenceNumber) })),
  };
}

/** Reads a compressed spec; throws a SyntaxError describing the first structural problem. */
export function decodeOrderSpec(text: string): OrderSpec {
  const root = obj(fromCompactText(text), 'spec');
  const pr = obj(root['pr'] ?? {}, 'pr');
  const wallets = pr['pw'];
  return {
    name: str(root['n'], 'n'),
    placement: attrsIn(pr['a'], 'pr.a'),
    ...(wallets === undefined
      ? {}
      : { providerWallets: list(wallets, 'pr.pw').map((w) => str(w, 'pw')) }),
    services: list(root['s'], 's').map((s, i) => serviceIn(obj(s, `s[${i}]`), `s[${i}]`)),
  };
}

function serviceIn(s: { [k: string]: CompactValue }, at: string): SpecService {
  const r = obj(s['r'], `${at}.r`);
  const c = obj(r['c'], `${at}.r.c`);
  const m = obj(r['m'], `${at}.r.m`);
  const g = obj(r['g'] ?? { a: [], u: '0' }, `${at}.r.g`);
  return {
    name: str(s['n'], `${at}.n`),
    resources: {
      id: int(r['i'], `${at}.r.i`),
      cpuMillis: int(c['u'], `${at}.r.c.u`),
      cpuAttributes: attrsIn(c['a'] ?? [], `${at}.r.c.a`),
      memoryBytes: int(m['u'], `${at}.r.m.u`),
      memoryAttributes: attrsIn(m['a'] ?? [], `${at}.r.m.a`),
      storage: list(r['s'] ?? [], `${at}.r.s`).map((v, i) => {
        const st = obj(v, `${at}.r.s[${i}]`);
        const name = str(st['n'], `${at}.r.s[${i}].n`);
        return { name, attributes: attrsIn(st['a'] ?? [], 'a'), bytes: int(st['u'], 'u') };
      }),
      gpuUnits: int(g['u'] ?? '0', `${at}.r.g.u`),
      gpuAttributes: attrsIn(g['a'] ?? [], `${at}.r.g.a`),
      endpoints: list(r['e'] ?? [], `${at}.r.e`).map((v) => {
        const e = obj(v, `${at}.r.e`);
        return { kind: int(e['k'], 'e.k'), sequenceNumber: int(e['s'], 'e.s') };
      }),
    },
    count: int(s['c'] ?? '1', `${at}.c`),
  };
}

function attrsIn(v: CompactValue | undefined, at: string): SpecAttribute[] {
  return list(v, at).map((a) => {
    const o = obj(a, at);
    return { key: str(o['k'], `${at}.k`), value: str(o['v'], `${at}.v`) };
  });
}

function obj(v: CompactValue | undefined, at: string): { [k: string]: CompactValue } {
  if (v === undefined || typeof v === 'string' || Array.isArray(v)) {
    throw new SyntaxError(`compact spec: ${at} must be an object`);
  }
  return v;
}

function list(v: CompactValue | undefined, at: string): CompactValue[] {
  if (!Array.isArray(v)) throw new SyntaxError(`compact spec: ${at} must be a list`);
  return v;
}

function str(v: CompactValue | undefined, at: string): string {
  if (typeof v !== 'string') throw new SyntaxError(`compact spec: ${at} must be a value`);
  return v;
}

function int(v: CompactValue | undefined, at: string): number {
  const s = str(v, at);
  if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) {
    throw new SyntaxError(`compact spec: ${at} must be a whole number, got ${JSON.stringify(s)}`);
  }
  return Number(s);
}

/** The values of a placement attribute, split on `;` as the docs allow (`us-east;us-west`). */
export function placementValues(spec: OrderSpec, key: string): string[] {
  return spec.placement
    .filter((a) => a.key === key)
    .flatMap((a) => a.value.split(';'))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
