/**
 * Whether a slot fits a provider's published free capacity (pure): each replica must fit on one
 * node, and the slot's replicas together must fit across the nodes. Replicas of a slot are
 * identical, so counting how many fit on each node and adding up is exact (no packing search).
 */
import { formatBytesForPeople, formatCpuForPeople } from '../../common/units/index.js';
import type { InventoryNode, ProviderInventory } from './parse-provider-inventory.js';

/** What one slot asks of a provider: `replicas` × one replica's resources. */
export interface SlotDemand {
  readonly replicas: number;
  readonly cpuMillis: number;
  readonly memoryBytes: bigint;
  /** Every volume of the replica, summed. */
  readonly storageBytes: bigint;
  /** GPUs per replica (0 = none). */
  readonly gpus: number;
  /** Acceptable GPU models (lowercase); empty = any. */
  readonly gpuModels: readonly string[];
}

/**
 * Providers name GPUs as their inventory operator reports them (`a100`, `A100-SXM4-80GB`): one
 * name containing the other, letters and digits only, counts as the same model, so a naming
 * difference never excludes a provider that has the GPU.
 */
function sameGpuModel(published: string, wanted: string): boolean {
  const a = published.toLowerCase().replace(/[^a-z0-9]/g, '');
  const b = wanted.toLowerCase().replace(/[^a-z0-9]/g, '');
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** How many replicas of `d` one node can take. */
function replicasOnNode(node: InventoryNode, d: SlotDemand): number {
  const limits: number[] = [];
  if (d.cpuMillis > 0) limits.push(Math.floor(node.cpuMillis / d.cpuMillis));
  if (d.memoryBytes > 0n) limits.push(Number(node.memoryBytes / d.memoryBytes));
  if (d.storageBytes > 0n) limits.push(Number(node.storageBytes / d.storageBytes));
  if (d.gpus > 0) {
    const modelOk =
      d.gpuModels.length === 0 ||
      node.gpuModels.length === 0 ||
      node.gpuModels.some((m) => d.gpuModels.some((w) => sameGpuModel(m, w)));
    limits.push(modelOk ? Math.floor(node.gpus / d.gpus) : 0);
  }
  return limits.length === 0 ? d.replicas : Math.max(0, Math.min(...limits));
}

/**
 * True when every replica of the slot finds a node with room, the replicas spread over the nodes.
 * @example fitsCapacity({ nodes: [node(8 CPU)] }, { replicas: 2, cpuMillis: 4000, … }) // true
 */
export function fitsCapacity(inventory: ProviderInventory, demand: SlotDemand): boolean {
  let placed = 0;
  for (const node of inventory.nodes) {
    placed += replicasOnNode(node, demand);
    if (placed >= demand.replicas) return true;
  }
  return placed >= demand.replicas;
}

/**
 * The demand in words: `"2 × (4 CPU, 8 GiB)"`, with storage and GPUs when asked.
 * @example describeDemand({ replicas: 2, cpuMillis: 4000, memoryBytes: 8n << 30n, … }) // "2 × (4 CPU, 8 GiB, …)"
 */
export function describeDemand(d: SlotDemand): string {
  const parts = [formatCpuForPeople(d.cpuMillis), formatBytesForPeople(d.memoryBytes)];
  if (d.storageBytes > 0n) parts.push(`${formatBytesForPeople(d.storageBytes)} storage`);
  if (d.gpus > 0) parts.push(`${d.gpus} GPU`);
  return `${d.replicas} × (${parts.join(', ')})`;
}
