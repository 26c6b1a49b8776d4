/**
 * The compact manifest of a v2 order (SDK v2.6.0 `getManifestV2`, `V2Manifest`): POSTed to
 * `/deployment/{id}/manifest` on create and PUT on update. Numbers are JSON numbers, optional keys
 * are left out, and there is no proto, accept or httpOptions (UDP and host filters need v1). A
 * devnet provider reads it into the Akash-style {@link Manifest} its workload runs.
 */
import { isRecord } from '../common/index.js';
import type { Manifest, ManifestExpose, ManifestService, ParseManifestResult } from './manifest.js';
import { parseManifest } from './manifest.js';

/** A `{k, v}` attribute. */
export interface CompactAttribute {
  readonly k: string;
  readonly v: string;
}

/** One volume: name, bytes, attributes, mount, read-only. */
export interface CompactStorage {
  readonly n: string;
  readonly u: number;
  readonly a?: readonly CompactAttribute[];
  readonly m?: string;
  readonly ro?: boolean;
}

/** An exposed port (`port_policy`). */
export interface CompactPort {
  readonly global?: boolean;
  readonly port?: number;
  readonly externalPort?: number;
  readonly exposeTo?: string;
}

/** One service, keys in the SDK's order. */
export interface CompactService {
  readonly name: string;
  readonly image: string;
  readonly resources: {
    readonly i: number;
    readonly c: { readonly u: number; readonly a?: readonly CompactAttribute[] };
    readonly m: { readonly u: number };
    readonly s: readonly CompactStorage[];
    readonly g: { readonly u: number; readonly a?: readonly CompactAttribute[] };
  };
  readonly replica: number;
  readonly ports?: readonly CompactPort[];
  readonly pullPolicy?: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: readonly string[];
  readonly credentials?: Readonly<Record<string, string>>;
}

/** The body of a v2 manifest request. */
export interface CompactManifest {
  readonly services: readonly CompactService[];
}

/** True for a compact (v2) body: an object with `services`, where v1 sends an array of groups. */
export function isCompactManifest(body: unknown): boolean {
  return isRecord(body) && Array.isArray(body['services']);
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
const attrs = (v: unknown): { key: string; value: string }[] =>
  (Array.isArray(v) ? v : []).filter(isRecord).map((a) => ({
    key: String(a['k'] ?? ''),
    value: String(a['v'] ?? ''),
  }));

/**
 * Reads a compact manifest as the Akash-style manifest of one group named `group`, then checks it
 * as any manifest (shape errors carry the same codes and paths).
 */
export function parseCompactManifest(body: unknown, group: string): ParseManifestResult {
  const services = isRecord(body) && Array.isArray(body['services']) ? body['services'] : [];
  return parseManifest([{ name: group, services: services.map(toAkash) }]);
}

function toAkash(s: unknown): ManifestService | unknown {
  if (!isRecord(s) || !isRecord(s['resources'])) return s;
  const r = s['resources'];
  const c = isRecord(r['c']) ? r['c'] : {};
  const m = isRecord(r['m']) ? r['m'] : {};
  const g = isRecord(r['g']) ? r['g'] : {};
  const storage = (Array.isArray(r['s']) ? r['s'] : []).filter(isRecord);
  const q = (v: unknown): { val: string } => ({ val: String(num(v)) });
  const mounts = storage
    .filter((st) => typeof st['m'] === 'string')
    .map((st) => ({ name: String(st['n']), mount: String(st['m']), readOnly: st['ro'] === true }));
  return {
    name: s['name'],
    image: s['image'],
    command: Array.isArray(s['command']) ? s['command'] : null,
    args: Array.isArray(s['args']) ? s['args'] : null,
    env: Array.isArray(s['env']) ? s['env'] : [],
    ...(isRecord(s['credentials']) ? { credentials: s['credentials'] } : {}),
    resources: {
      id: num(r['i']),
      cpu: { units: q(c['u']), attributes: attrs(c['a']) },
      memory: { size: q(m['u']) },
      storage: storage.map((st) => ({
        name: String(st['n']),
        size: q(st['u']),
        attributes: attrs(st['a']),
      })),
      gpu: { units: q(g['u'] ?? 0), attributes: attrs(g['a']) },
      endpoints: [],
    },
    count: num(s['replica'] ?? 1),
    expose: (Array.isArray(s['ports']) ? s['ports'] : []).filter(isRecord).map(toExpose),
    params: mounts.length > 0 ? { storage: mounts } : null,
  };
}

function toExpose(p: Record<string, unknown>): ManifestExpose {
  const port = num(p['port']);
  return {
    port,
    externalPort: p['externalPort'] === undefined ? port : num(p['externalPort']),
    proto: 'TCP',
    service: typeof p['exposeTo'] === 'string' ? p['exposeTo'] : '',
    global: p['global'] === true,
    hosts: null,
  };
}

/** The Akash-style manifest's services as compact services (the v2 body of a v1 model). */
export function toCompactManifest(manifest: Manifest): CompactManifest {
  return {
    services: manifest.flatMap((grp) => grp.services.map(toCompactService)),
  };
}

function toCompactService(s: ManifestService): CompactService {
  const r = s.resources;
  const kv = (list: readonly { key: string; value: string }[] | null | undefined) =>
    (list ?? []).map((a) => ({ k: a.key, v: a.value }));
  const mounts = readMounts(s['params']);
  const gpuAttrs = kv(r.gpu?.attributes);
  const out: Record<string, unknown> = {
    name: s.name,
    image: s.image,
    resources: {
      i: r.id,
      c: { u: Number(r.cpu.units.val) },
      m: { u: Number(r.memory.size.val) },
      s: r.storage.map((st) => {
        const vol: Record<string, unknown> = { n: st.name, u: Number(st.size.val) };
        const a = kv((st as { attributes?: { key: string; value: string }[] }).attributes);
        if (a.length > 0) vol['a'] = a;
        const mount = mounts.get(st.name);
        if (mount !== undefined) {
          vol['m'] = mount.mount;
          vol['ro'] = mount.readOnly;
        }
        return vol;
      }),
      g: { u: Number(r.gpu?.units.val ?? '0'), ...(gpuAttrs.length > 0 ? { a: gpuAttrs } : {}) },
    },
    replica: s.count,
    ports: s.expose.map((e) => ({
      ...(e.global ? { global: true } : {}),
      port: e.port,
      externalPort: e.externalPort,
    })),
  };
  if (s.command !== null && s.command !== undefined && s.command.length > 0)
    out['command'] = [...s.command];
  if (s.args !== null && s.args !== undefined && s.args.length > 0) out['args'] = [...s.args];
  if (s.env !== null && s.env !== undefined && s.env.length > 0) out['env'] = [...s.env];
  if (isRecord(s['credentials'])) out['credentials'] = s['credentials'];
  return out as unknown as CompactService;
}

function readMounts(params: unknown): Map<string, { mount: string; readOnly: boolean }> {
  const out = new Map<string, { mount: string; readOnly: boolean }>();
  const list = isRecord(params) && Array.isArray(params['storage']) ? params['storage'] : [];
  for (const v of list.filter(isRecord)) {
    if (typeof v['name'] === 'string' && typeof v['mount'] === 'string')
      out.set(v['name'], { mount: v['mount'], readOnly: v['readOnly'] === true });
  }
  return out;
}
