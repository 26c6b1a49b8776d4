import type { InstanceSpec, PricingSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { credentialsToSpec } from './convert-credentials.js';
import { envListToMap } from './convert-env.js';
import { exposeToPorts } from './convert-expose.js';
import { resourcesToSpec } from './convert-resources.js';
import { listField } from './convert-service.js';
import type { VolumeMount } from './convert-storage.js';
import { DEFAULT_VOLUME } from './convert-storage.js';
import { warnIclFieldNotSupported } from './icl-attributes.js';
import { iclPricing } from './icl-placement.js';
import { iclPriceToPerReplica } from './icl-price.js';
import { isYamlMap, scalarText, yamlBoolean } from './yaml-values.js';
import type { YamlMap } from './yaml-values.js';

const SERVICE_KEYS = new Set([
  'image',
  'command',
  'args',
  'env',
  'credentials',
  'port_policy',
  'expose',
  'resources',
  'price',
  'pricing',
  'replica',
  'pull_policy',
]);

/**
 * One ICL 2.0 service → an instance (without the deployment-wide duration, mode, tiers and
 * placement). Both spellings are read: the SDK's code (`price`, `replica` on the service) and its
 * README (`resources.pricing`, `resources.replica`). `port_policy` is read like ICL 1.0's
 * `expose`; storage volumes carry their `mount`/`readOnly` inline.
 */
export function icl2ServiceToInstance(
  svc: string,
  raw: unknown,
  ctx: ConvertContext,
): InstanceSpec | undefined {
  const at = ['services', svc];
  const image = isYamlMap(raw) ? scalarText(raw['image']) : undefined;
  if (!isYamlMap(raw) || image === undefined || image === '') {
    ctx.error(invalidValue(`Service \`${svc}\` needs an \`image\`.`, at));
    return undefined;
  }
  ctx.warnUnknownKeys(raw, SERVICE_KEYS, at, 'service');
  if (raw['pull_policy'] !== undefined)
    warnIclFieldNotSupported('pull_policy', [...at, 'pull_policy'], ctx);
  const res = isYamlMap(raw['resources']) ? raw['resources'] : undefined;
  const count = readReplica(raw, res, at, ctx);
  const pricing = readPrice(raw, res, at, ctx);
  const resources = readResources(res, [...at, 'resources'], ctx);
  const command = listField(raw, 'command', at, ctx);
  const args = listField(raw, 'args', at, ctx);
  const env = envListToMap(raw['env'], [...at, 'env'], ctx);
  const credentials = credentialsToSpec(raw['credentials'], svc, [...at, 'credentials'], ctx);
  const portKey = raw['port_policy'] !== undefined ? 'port_policy' : 'expose';
  const ports = readPorts(raw[portKey], [...at, portKey], ctx);
  return {
    image,
    ...(credentials === undefined ? {} : { credentials }),
    ...(command === undefined ? {} : { command }),
    ...(args === undefined ? {} : { args }),
    ...(env === undefined || Object.keys(env).length === 0 ? {} : { env }),
    ...(ports === undefined || ports.length === 0 ? {} : { ports }),
    ...(resources === undefined ? {} : { resources }),
    ...(count === 1 ? {} : { count }),
    ...(pricing === undefined
      ? {}
      : { pricing: iclPriceToPerReplica(pricing.spec, count, pricing.at, ctx) }),
  };
}

/** `replica` (SDK code) or `resources.replica` (SDK README); 1 when absent, as the SDK does. */
function readReplica(raw: YamlMap, res: YamlMap | undefined, at: SpecPath, ctx: ConvertContext) {
  const inService = raw['replica'] !== undefined;
  const value = inService ? raw['replica'] : res?.['replica'];
  if (value === undefined) return 1;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  const where = inService ? [...at, 'replica'] : [...at, 'resources', 'replica'];
  ctx.error(
    invalidValue(`\`replica\` must be a whole number ≥ 1; found \`${String(value)}\`.`, where),
  );
  return 1;
}

/** `price` (SDK code) or `resources.pricing` (SDK README): `{token, amount}` for the whole service. */
function readPrice(
  raw: YamlMap,
  res: YamlMap | undefined,
  at: SpecPath,
  ctx: ConvertContext,
): { spec: PricingSpec; at: SpecPath } | undefined {
  const where =
    raw['price'] !== undefined
      ? [...at, 'price']
      : raw['pricing'] !== undefined
        ? [...at, 'pricing']
        : res?.['pricing'] !== undefined
          ? [...at, 'resources', 'pricing']
          : undefined;
  if (where === undefined) return undefined;
  const value = raw['price'] ?? raw['pricing'] ?? res?.['pricing'];
  const spec = iclPricing(value, where, ctx);
  return spec === undefined ? undefined : { spec, at: where };
}

/** `port_policy` entries: ICL 1.0 `expose` entries, with the SDK's entry-level `service:`. */
function readPorts(raw: unknown, at: SpecPath, ctx: ConvertContext) {
  const ports = exposeToPorts(raw, at, ctx, new Set(['service']));
  if (Array.isArray(raw)) {
    raw.forEach((entry, i) => {
      const other = isYamlMap(entry) ? scalarText(entry['service']) : undefined;
      if (other === undefined) return;
      ctx.warn({
        code: 'convert/service-routing-dropped',
        summary: 'Service-to-service routing is not modelled',
        detail: `Access from service \`${other}\` is not carried over: Leasehold instances are separate leases and reach each other through their global ports.`,
        hint: 'Make the port global and point the other instance at its endpoint, or keep both in one image.',
        at: [...at, i, 'service'],
      });
    });
  }
  return ports;
}

/**
 * `resources` → spec resources via the ICL 1.0 reader: inline storage mounts become the
 * `params.storage` map that reader takes, and the fields the spec cannot hold yet (cpu
 * `attributes` — arch and model —, gpu `req_vram`) are warned about by name.
 */
function readResources(res: YamlMap | undefined, at: SpecPath, ctx: ConvertContext) {
  if (res === undefined) return undefined;
  const mounts = new Map<string, VolumeMount>();
  const storage = Array.isArray(res['storage'])
    ? res['storage'].map((v: unknown, i) => stripMount(v, [...at, 'storage', i], mounts, ctx))
    : stripMount(res['storage'], [...at, 'storage'], mounts, ctx);
  const cpu = isYamlMap(res['cpu']) ? res['cpu'] : undefined;
  if (cpu?.['attributes'] !== undefined) {
    const attrs = isYamlMap(cpu['attributes']) ? Object.keys(cpu['attributes']) : ['attributes'];
    for (const k of attrs)
      warnIclFieldNotSupported(`cpu ${k}`, [...at, 'cpu', 'attributes', k], ctx);
  }
  const gpu = isYamlMap(res['gpu']) ? res['gpu'] : undefined;
  const gpuAttrs = isYamlMap(gpu?.['attributes']) ? gpu['attributes'] : undefined;
  if (gpuAttrs?.['req_vram'] !== undefined)
    warnIclFieldNotSupported('req_vram', [...at, 'gpu', 'attributes', 'req_vram'], ctx);
  const rest = withoutKeys(res, ['pricing', 'replica']);
  const profile = {
    resources: {
      ...rest,
      ...(cpu === undefined ? {} : { cpu: withoutKeys(cpu, ['attributes']) }),
      ...(storage === undefined ? {} : { storage }),
      ...(gpu === undefined || gpuAttrs === undefined
        ? {}
        : { gpu: { ...gpu, attributes: withoutKeys(gpuAttrs, ['req_vram']) } }),
    },
  };
  return resourcesToSpec(profile, mounts, at.slice(0, -1), ctx);
}

function stripMount(
  v: unknown,
  at: SpecPath,
  mounts: Map<string, VolumeMount>,
  ctx: ConvertContext,
): unknown {
  if (!isYamlMap(v)) return v;
  const { mount, readOnly, ...rest } = v;
  const path = scalarText(mount);
  if (path !== undefined) {
    const name = scalarText(v['name']) ?? DEFAULT_VOLUME;
    mounts.set(name, { mount: path, readOnly: yamlBoolean(readOnly) ?? false });
  } else if (mount !== undefined) {
    ctx.error(invalidValue('`mount` must be a path inside the container.', [...at, 'mount']));
  }
  return rest;
}

function withoutKeys(map: YamlMap, keys: readonly string[]): YamlMap {
  return Object.fromEntries(Object.entries(map).filter(([k]) => !keys.includes(k)));
}
