import type { StorageVolumeSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import type { UnitReader } from './convert-resources.js';
import { isYamlMap, scalarText, yamlBoolean } from './yaml-values.js';

/** Where a service mounts a named volume: ICL/SDL `params.storage.<volume>`. */
export interface VolumeMount {
  readonly mount: string;
  readonly readOnly: boolean;
}

/** The name Akash gives an unnamed (root, ephemeral) volume. */
export const DEFAULT_VOLUME = 'default';

/**
 * `resources.storage` (one object or a list) plus the service's `params.storage` mounts → spec
 * volumes. Volumes are always written as a named list so that names survive a round trip.
 */
export function storageToSpec(
  raw: unknown,
  mounts: ReadonlyMap<string, VolumeMount>,
  at: SpecPath,
  ctx: ConvertContext,
  readSize?: UnitReader | undefined,
): StorageVolumeSpec[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  const out: StorageVolumeSpec[] = [];
  list.forEach((item, i) => {
    const here = Array.isArray(raw) ? [...at, i] : at;
    const size = isYamlMap(item) ? item['size'] : undefined;
    if (!isYamlMap(item) || (typeof size !== 'string' && typeof size !== 'number')) {
      ctx.error(invalidValue('Each storage volume needs a `size`, such as `10Gi`.', here));
      return;
    }
    ctx.warnUnknownKeys(item, new Set(['name', 'size', 'attributes']), here, 'storage');
    const attrs = isYamlMap(item['attributes']) ? item['attributes'] : {};
    ctx.warnUnknownKeys(
      attrs,
      new Set(['persistent', 'class']),
      [...here, 'attributes'],
      'storage attribute',
    );
    const name = scalarText(item['name']) ?? DEFAULT_VOLUME;
    const written = readSize === undefined ? size : readSize(size, [...here, 'size'], ctx);
    if (written === undefined) return;
    const persistent = yamlBoolean(attrs['persistent']) ?? false;
    const cls = scalarText(attrs['class']);
    const m = mounts.get(name);
    out.push({
      name,
      size: written,
      ...(persistent ? { persistent } : {}),
      ...(cls === undefined ? {} : { class: cls }),
      ...(m === undefined ? {} : { mount: m.mount, ...(m.readOnly ? { readOnly: true } : {}) }),
    });
  });
  for (const [name] of mounts) {
    if (out.some((v) => v.name === name)) continue;
    ctx.warn({
      code: 'convert/unmatched-mount',
      summary: 'Mount names a volume the profile does not have',
      detail: `\`params.storage.${name}\` mounts a volume that the compute profile does not declare, so the mount was not carried over.`,
      hint: `Add a volume named \`${name}\` to the instance's storage, or remove the mount.`,
      at,
    });
  }
  return out;
}

/** `params.storage` → volume name → mount; warns about entries without a mount path. */
export function readMounts(
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
): Map<string, VolumeMount> {
  const out = new Map<string, VolumeMount>();
  if (!isYamlMap(raw)) return out;
  for (const [name, v] of Object.entries(raw)) {
    const mount = isYamlMap(v) ? scalarText(v['mount']) : undefined;
    if (!isYamlMap(v) || mount === undefined) {
      ctx.error(invalidValue(`\`params.storage.${name}\` needs a \`mount\` path.`, [...at, name]));
      continue;
    }
    ctx.warnUnknownKeys(v, new Set(['mount', 'readOnly']), [...at, name], 'storage parameter');
    out.set(name, { mount, readOnly: yamlBoolean(v['readOnly']) ?? false });
  }
  return out;
}
