/** What a manifest reserves on a provider: every replica's CPU, memory, storage and GPUs. */
import type { Manifest } from '../../wire/manifest.js';
import type { ProviderUsage } from './decide-can-serve.js';
import { gpuModels } from './decide-can-serve.js';

/**
 * Sums a manifest's resources over replicas. GPUs count against the first listed model the
 * provider owns (`ownedModels`), else the first listed, else `any`.
 */
export function manifestDemand(
  manifest: Manifest,
  ownedModels: readonly string[] = [],
): ProviderUsage {
  const gpus: Record<string, number> = {};
  let cpuMillis = 0;
  let memoryBytes = 0;
  let storageBytes = 0;
  for (const svc of manifest.flatMap((g) => g.services)) {
    const r = svc.resources;
    cpuMillis += Number(r.cpu.units.val) * svc.count;
    memoryBytes += Number(r.memory.size.val) * svc.count;
    storageBytes += r.storage.reduce((s, v) => s + Number(v.size.val), 0) * svc.count;
    const units = Number(r.gpu?.units.val ?? '0');
    if (units > 0) {
      const listed = gpuModels(r.gpu?.attributes ?? []);
      const owned =
        listed.length === 0 ? ownedModels : listed.filter((m) => ownedModels.includes(m));
      const model = owned[0] ?? listed[0] ?? 'any';
      gpus[model] = (gpus[model] ?? 0) + units * svc.count;
    }
  }
  return { cpuMillis, memoryBytes, storageBytes, gpus };
}
