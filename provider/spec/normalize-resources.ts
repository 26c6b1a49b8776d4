import type { NormalizeContext } from './normalize-context.js';
import { readUnit } from './normalize-context.js';
import type { InstancePath } from './instance-path.js';
import type { GpuModel, ResourcesModel, StorageVolumeModel } from './model-types.js';
import type { GpuSpec, ResourcesSpec, StorageVolumeSpec } from './spec-types.js';
import { parseByteSize, parseCpu } from '../../common/units/index.js';

/** Resources when neither the instance nor `defaults` sets them (documented in docs/model.md). */
export const DEFAULT_RESOURCES = { cpu: '1', memory: '1Gi', storage: '1Gi' } as const;

/** Name of the volume made from a single `storage` size. */
export const DEFAULT_VOLUME = 'default';

/** Parses cpu, memory, storage and GPU into exact units; order of storage volumes is kept. */
export function normalizeResources(
  ctx: NormalizeContext,
  spec: ResourcesSpec | undefined,
  at: InstancePath,
  address: string,
): ResourcesModel {
  const bytes = (v: string | number, what: string, path: (string | number)[]): string =>
    readUnit(ctx, v, {
      parse: parseByteSize,
      what,
      path: at(path),
      fallback: 0n,
      address,
    }).toString();
  const cpu = readUnit(ctx, spec?.cpu ?? DEFAULT_RESOURCES.cpu, {
    parse: parseCpu,
    what: 'CPU',
    path: at(['resources', 'cpu']),
    fallback: 0,
    address,
  });
  const memory = bytes(spec?.memory ?? DEFAULT_RESOURCES.memory, 'memory size', [
    'resources',
    'memory',
  ]);
  const storageSpec = spec?.storage ?? DEFAULT_RESOURCES.storage;
  const storage = Array.isArray(storageSpec)
    ? (storageSpec as readonly StorageVolumeSpec[]).map((v, i) =>
        volume(v, bytes(v.size, 'storage size', ['resources', 'storage', i, 'size'])),
      )
    : [
        volume(
          { name: DEFAULT_VOLUME, size: 0 },
          bytes(storageSpec as string | number, 'storage size', ['resources', 'storage']),
        ),
      ];
  const gpu =
    spec?.gpu === undefined
      ? null
      : normalizeGpu(spec.gpu, (ram) => bytes(ram, 'GPU memory', ['resources', 'gpu', 'ram']));
  return { cpu, memory, storage, gpu };
}

function volume(v: StorageVolumeSpec, size: string): StorageVolumeModel {
  return {
    name: v.name,
    size,
    persistent: v.persistent ?? false,
    class: v.class ?? null,
    mount: v.mount ?? null,
    readOnly: v.readOnly ?? false,
  };
}

function normalizeGpu(gpu: GpuSpec, ram: (v: string) => string): GpuModel {
  return {
    units: gpu.units,
    vendor: gpu.vendor ?? 'nvidia',
    models: sortedUnique((gpu.models ?? []).map((m) => m.toLowerCase())),
    ram: gpu.ram === undefined ? null : ram(gpu.ram),
    interface: gpu.interface ?? null,
  };
}

/** Sorted by UTF-16 code units (locale-independent) with duplicates removed. */
export function sortedUnique(items: readonly string[]): string[] {
  return [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
