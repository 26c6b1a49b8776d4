/**
 * A provider's published inventory, read from `GET /status` in Akash's shape (reference §2.6; the
 * official SDK's inventory module reads the same): `cluster.inventory.available.nodes[]`, each with
 * `allocatable` and `available` (`cpu` millicores, `memory` and `storage_ephemeral` bytes, `gpu`
 * count, `gpu_infos`). Pure and tolerant: anything that is not that shape is "unknown" (null), never
 * a throw, so a provider that publishes nothing is never excluded on capacity.
 */
import { isRecord } from '../../common/is-record.js';

/** What one node can still take. */
export interface InventoryNode {
  readonly cpuMillis: number;
  readonly memoryBytes: bigint;
  readonly storageBytes: bigint;
  readonly gpus: number;
  /** GPU models on the node (lowercase `name` of `gpu_infos`); empty when it lists none. */
  readonly gpuModels: readonly string[];
}

/** A provider's free capacity, node by node. */
export interface ProviderInventory {
  readonly nodes: readonly InventoryNode[];
}

/** A non-negative quantity as JSON numbers or decimal strings carry it; null otherwise. */
function quantity(v: unknown): bigint | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return BigInt(Math.floor(v));
  if (typeof v === 'string' && /^\d+$/.test(v.trim())) return BigInt(v.trim());
  return null;
}

function gpuModels(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const names = v
    .map((g) => (isRecord(g) && typeof g['name'] === 'string' ? g['name'].toLowerCase() : ''))
    .filter((n) => n !== '');
  return [...new Set(names)];
}

/**
 * One node from its `available` figures (what is free now; `allocatable` is the node's size). The
 * GPU models come from `available.gpu_infos`, else `allocatable.gpu_infos`, as providers differ.
 * A node without readable cpu and memory is unknown (null).
 */
function parseNode(v: unknown): InventoryNode | null {
  if (!isRecord(v) || !isRecord(v['available'])) return null;
  const free = v['available'];
  const size = isRecord(v['allocatable']) ? v['allocatable'] : {};
  const cpu = quantity(free['cpu']);
  const memory = quantity(free['memory']);
  if (cpu === null || memory === null) return null;
  const models = gpuModels(free['gpu_infos']);
  return {
    cpuMillis: Number(cpu),
    memoryBytes: memory,
    storageBytes: quantity(free['storage_ephemeral']) ?? 0n,
    gpus: Number(quantity(free['gpu']) ?? 0n),
    gpuModels: models.length > 0 ? models : gpuModels(size['gpu_infos']),
  };
}

/**
 * Parses a `/status` body; null when the shape is absent or malformed (capacity unknown). An empty
 * node list is unknown too: the SDK itself stands one in for a provider it could not read, and an
 * inventory operator that has not reported yet publishes one, so it proves nothing is free.
 * @example parseProviderInventory({ cluster: { inventory: { available: { nodes: [] } } } }) // null
 */
export function parseProviderInventory(body: unknown): ProviderInventory | null {
  if (!isRecord(body) || !isRecord(body['cluster'])) return null;
  const inventory = body['cluster']['inventory'];
  if (!isRecord(inventory) || !isRecord(inventory['available'])) return null;
  const raw = inventory['available']['nodes'];
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const nodes = raw.map(parseNode);
  // One unreadable node makes the whole figure unknown: a partial sum could exclude wrongly.
  if (nodes.some((n) => n === null)) return null;
  return { nodes: nodes as InventoryNode[] };
}
