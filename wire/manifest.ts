/**
 * The provider manifest: Akash v2beta2 JSON, an array of one group (reference §3.2). It carries the
 * image, env and credentials, so it goes only to the matched provider and never on chain.
 */
import { isRecord } from '../common/index.js';
import { errorDiag } from '../common/diag/index.js';
import type { Diagnostic, Diagnostics } from '../common/diag/index.js';

/** A `{val}` quantity, as Akash writes resource units. */
export interface ManifestQuantity {
  readonly val: string;
}

/** An exposed port of a service. */
export interface ManifestExpose {
  readonly port: number;
  readonly externalPort: number;
  readonly proto: 'TCP' | 'UDP';
  readonly service: string;
  readonly global: boolean;
  readonly hosts: readonly string[] | null;
  readonly [extra: string]: unknown;
}

/** The resources of one replica. */
export interface ManifestResources {
  readonly id: number;
  readonly cpu: { readonly units: ManifestQuantity };
  readonly memory: { readonly size: ManifestQuantity };
  readonly storage: readonly { readonly name: string; readonly size: ManifestQuantity }[];
  readonly gpu?:
    | {
        readonly units: ManifestQuantity;
        readonly attributes?: readonly { key: string; value: string }[] | null | undefined;
      }
    | undefined;
  readonly endpoints?: readonly { kind: number; sequence_number: number }[] | null | undefined;
}

/** One service of the manifest. */
export interface ManifestService {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[] | null | undefined;
  readonly args?: readonly string[] | null | undefined;
  /** `KEY=VALUE` entries; values may be secrets. */
  readonly env?: readonly string[] | null | undefined;
  readonly resources: ManifestResources;
  readonly count: number;
  readonly expose: readonly ManifestExpose[];
  readonly [extra: string]: unknown;
}

/** A manifest group; Spheron sends exactly one. */
export interface ManifestGroup {
  readonly name: string;
  readonly services: readonly ManifestService[];
}

/** The manifest body of `PUT /deployment/{id}/manifest`. */
export type Manifest = readonly ManifestGroup[];

/** Result of {@link parseManifest}: the manifest when there are no errors. */
export interface ParseManifestResult {
  readonly manifest: Manifest | null;
  readonly diagnostics: Diagnostics;
}

const CODE = 'devnet-provider/manifest-invalid';

const isQuantity = (v: unknown): boolean =>
  isRecord(v) && typeof v['val'] === 'string' && /^\d+$/.test(v['val']);

/** Checks the shape of a manifest body; every problem is reported in one pass. */
export function parseManifest(body: unknown): ParseManifestResult {
  const diags: Diagnostic[] = [];
  const bad = (path: string, detail: string): void => {
    diags.push(
      errorDiag({
        code: CODE,
        summary: 'Manifest does not match the Akash v2beta2 shape',
        detail,
        hint: 'Send the manifest built for this order, as an array of one group.',
        path,
      }),
    );
  };
  if (!Array.isArray(body) || body.length !== 1 || !isRecord(body[0])) {
    bad('', 'The manifest must be a JSON array holding exactly one group object.');
    return { manifest: null, diagnostics: diags };
  }
  const group = body[0];
  if (typeof group['name'] !== 'string') bad('0.name', 'The group name must be a string.');
  const services = group['services'];
  if (!Array.isArray(services) || services.length === 0) {
    bad('0.services', 'The group must list at least one service.');
  } else {
    const seen = new Set<string>();
    services.forEach((s, i) => checkService(s, `0.services.${i}`, seen, bad));
  }
  return { manifest: diags.length === 0 ? (body as Manifest) : null, diagnostics: diags };
}

type Report = (path: string, detail: string) => void;

function checkService(s: unknown, at: string, seen: Set<string>, bad: Report): void {
  if (!isRecord(s)) return bad(at, 'A service must be an object.');
  const name = s['name'];
  if (typeof name !== 'string' || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name)) {
    bad(`${at}.name`, `Service name ${JSON.stringify(name)} must be a lowercase DNS label.`);
  } else if (seen.has(name)) {
    bad(`${at}.name`, `Service name "${name}" appears twice; names must be unique.`);
  } else seen.add(name);
  if (typeof s['image'] !== 'string' || s['image'].trim() === '') {
    bad(`${at}.image`, 'The image must be a non-empty string.');
  }
  const count = s['count'];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100) {
    bad(`${at}.count`, `The count ${JSON.stringify(count)} must be a whole number from 1 to 100.`);
  }
  for (const key of ['command', 'args', 'env'] as const) {
    const v = s[key];
    if (
      v !== undefined &&
      v !== null &&
      !(Array.isArray(v) && v.every((x) => typeof x === 'string'))
    ) {
      bad(`${at}.${key}`, `The ${key} must be a list of strings or null.`);
    }
  }
  const env = Array.isArray(s['env']) ? s['env'] : [];
  env.forEach((e, i) => {
    // Never quoted: an entry without a valid key may be a pasted secret.
    if (typeof e === 'string' && !/^[A-Za-z_][A-Za-z0-9_.-]*=/.test(e)) {
      bad(`${at}.env.${i}`, `Env entry ${i} must be KEY=VALUE with a valid key (value not shown).`);
    }
  });
  checkResources(s['resources'], `${at}.resources`, bad);
  checkExpose(s['expose'], `${at}.expose`, bad);
}

function checkResources(r: unknown, at: string, bad: Report): void {
  if (!isRecord(r)) return bad(at, 'Resources must be an object.');
  if (typeof r['id'] !== 'number') bad(`${at}.id`, 'The resources id must be a number.');
  if (!isRecord(r['cpu']) || !isQuantity(r['cpu']['units'])) {
    bad(`${at}.cpu.units`, 'CPU units must be {"val": "<millicores>"}.');
  }
  if (!isRecord(r['memory']) || !isQuantity(r['memory']['size'])) {
    bad(`${at}.memory.size`, 'Memory size must be {"val": "<bytes>"}.');
  }
  const storage = r['storage'];
  if (!Array.isArray(storage) || !storage.every((v) => isRecord(v) && isQuantity(v['size']))) {
    bad(`${at}.storage`, 'Storage must be a list of {"name", "size": {"val": "<bytes>"}}.');
  }
  const gpu = r['gpu'];
  if (gpu !== undefined && gpu !== null && !(isRecord(gpu) && isQuantity(gpu['units']))) {
    bad(`${at}.gpu.units`, 'GPU units must be {"val": "<units>"}.');
  }
}

function checkExpose(e: unknown, at: string, bad: Report): void {
  if (!Array.isArray(e)) return bad(at, 'Expose must be a list (it may be empty).');
  e.forEach((x, i) => {
    const p = `${at}.${i}`;
    if (!isRecord(x)) return bad(p, 'An expose entry must be an object.');
    const port = x['port'];
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      bad(`${p}.port`, `Port ${JSON.stringify(port)} must be a whole number from 1 to 65535.`);
    }
    if (x['proto'] !== 'TCP' && x['proto'] !== 'UDP') {
      bad(`${p}.proto`, `Proto ${JSON.stringify(x['proto'])} must be "TCP" or "UDP".`);
    }
  });
}

/** The env keys of a service, never the values (values may be secrets). */
export function envKeys(service: ManifestService): string[] {
  return (service.env ?? []).map((e) => e.split('=')[0] ?? '').filter((k) => k.length > 0);
}

/** The value of one env key, or undefined when the service does not set it. */
export function envValue(service: ManifestService, key: string): string | undefined {
  const entry = (service.env ?? []).find((e) => e.startsWith(`${key}=`));
  return entry === undefined ? undefined : entry.slice(key.length + 1);
}
