/**
 * The devnet provider's `/status` inventory in Akash's shape, as real Spheron providers publish it
 * (reference §2.6; the SDK's inventory module reads it): `cluster.inventory.available.nodes[]` with
 * `allocatable` (the node's size) and `available` (its size minus what the leases use). The devnet
 * provider is one node. Pure: the daemon passes its configuration and current usage.
 */
import type { ProviderConfig } from '../config/load-provider-config.js';
import type { ProviderUsage } from './decide-can-serve.js';

const GiB = 1024 ** 3;

/** One GPU device as Akash lists it. */
interface GpuInfo {
  readonly vendor: string;
  readonly name: string;
}

/** One node's figures: millicores, bytes, GPU count and the devices. */
interface NodeResources {
  readonly cpu: number;
  readonly memory: number;
  readonly storage_ephemeral: number;
  readonly gpu: number;
  readonly gpu_infos: readonly GpuInfo[];
}

/** The `cluster` member of `/status`. */
export interface AkashCluster {
  readonly leases: number;
  readonly inventory: {
    readonly available: {
      readonly nodes: readonly {
        readonly name: string;
        readonly allocatable: NodeResources;
        readonly available: NodeResources;
      }[];
    };
  };
}

function devices(
  config: ProviderConfig,
  left: (model: string, count: number) => number,
): GpuInfo[] {
  return config.gpus.flatMap((g) =>
    Array.from({ length: left(g.model, g.count) }, () => ({ vendor: g.vendor, name: g.model })),
  );
}

/**
 * The node's size and what is free of it; never negative.
 * @example akashCluster(config, NO_USAGE, 0).inventory.available.nodes[0].available.cpu // 32000
 */
export function akashCluster(
  config: ProviderConfig,
  used: ProviderUsage,
  leases: number,
): AkashCluster {
  const cap = config.capacity;
  const allGpus = devices(config, (_, count) => count);
  const freeGpus = devices(config, (model, count) => Math.max(0, count - (used.gpus[model] ?? 0)));
  const size: NodeResources = {
    cpu: cap.cpuCores * 1000,
    memory: cap.memoryGiB * GiB,
    storage_ephemeral: cap.storageGiB * GiB,
    gpu: allGpus.length,
    gpu_infos: allGpus,
  };
  const free: NodeResources = {
    cpu: Math.max(0, size.cpu - used.cpuMillis),
    memory: Math.max(0, size.memory - used.memoryBytes),
    storage_ephemeral: Math.max(0, size.storage_ephemeral - used.storageBytes),
    gpu: freeGpus.length,
    gpu_infos: freeGpus,
  };
  return {
    leases,
    inventory: {
      available: { nodes: [{ name: config.name, allocatable: size, available: free }] },
    },
  };
}
