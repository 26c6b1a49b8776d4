import type { ResourcesSpec } from '../spec/spec-types.js';
import type { SpecPath } from '../spec/spec-path.js';
import { invalidValue } from './convert-context.js';
import type { ConvertContext } from './convert-context.js';
import { gpuToSpec } from './convert-gpu.js';
import { storageToSpec } from './convert-storage.js';
import type { VolumeMount } from './convert-storage.js';
import { isYamlMap } from './yaml-values.js';

/** Reads a source size or cpu value into the spec's spelling; reports what it cannot read. */
export type UnitReader = (
  raw: unknown,
  at: SpecPath,
  ctx: ConvertContext,
) => string | number | undefined;

/** How a dialect spells units, when it differs from the spec's own spelling. */
export interface UnitReaders {
  readonly size?: UnitReader | undefined;
  readonly cpu?: UnitReader | undefined;
}

/**
 * `profiles.compute.<name>` → spec resources. Without `units`, values are carried as written
 * (`512Mi`, `0.5`, `"100m"`): the spec parser reads the same notations, so nothing is rounded on
 * the way; a dialect with spellings of its own (SDL's `16GB`) passes readers that rewrite them.
 */
export function resourcesToSpec(
  profile: unknown,
  mounts: ReadonlyMap<string, VolumeMount>,
  at: SpecPath,
  ctx: ConvertContext,
  units: UnitReaders = {},
): ResourcesSpec | undefined {
  const res = isYamlMap(profile) ? profile['resources'] : undefined;
  if (!isYamlMap(profile) || !isYamlMap(res)) {
    ctx.error(invalidValue('A compute profile needs a `resources` map.', at));
    return undefined;
  }
  ctx.warnUnknownKeys(profile, new Set(['resources']), at, 'compute profile');
  const rAt = [...at, 'resources'];
  ctx.warnUnknownKeys(res, new Set(['cpu', 'memory', 'storage', 'gpu']), rAt, 'resources');
  const cpu = unitValue(res['cpu'], 'units', [...rAt, 'cpu'], ctx, units.cpu);
  const memory = unitValue(res['memory'], 'size', [...rAt, 'memory'], ctx, units.size);
  const storage = storageToSpec(res['storage'], mounts, [...rAt, 'storage'], ctx, units.size);
  const gpu = gpuToSpec(res['gpu'], [...rAt, 'gpu'], ctx, units.size);
  return {
    ...(cpu === undefined ? {} : { cpu }),
    ...(memory === undefined ? {} : { memory }),
    ...(storage === undefined ? {} : { storage }),
    ...(gpu === undefined ? {} : { gpu }),
  };
}

/** `{units: 0.5}` / `{size: 1Gi}` → the value; numeric strings become numbers (`"2"` → 2). */
function unitValue(
  raw: unknown,
  key: string,
  at: SpecPath,
  ctx: ConvertContext,
  read: UnitReader | undefined,
): string | number | undefined {
  if (raw === undefined) return undefined;
  const v = isYamlMap(raw) ? raw[key] : undefined;
  ctx.warnUnknownKeys(raw, new Set([key]), at, at[at.length - 1] === 'cpu' ? 'cpu' : 'memory');
  if (read !== undefined && (typeof v === 'number' || typeof v === 'string'))
    return read(v, [...at, key], ctx);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') {
    return /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v.trim();
  }
  ctx.error(invalidValue(`Expected \`{${key}: …}\` with a number or a size.`, at));
  return undefined;
}
