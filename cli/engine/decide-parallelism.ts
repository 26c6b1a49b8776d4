/**
 * How many slots an apply runs at once. By default every independent change runs at once: an
 * apply's time is set by blocks, matching and replica start, not by how many slots there are.
 * The bound is what the endpoints take: with an RPC rate limit declared, each slot in flight is
 * given at least a few requests per block (its receipt and its checks); `--parallelism` stays an
 * explicit cap. (Manifests are bounded per provider where they are sent, not here.)
 */

/** JSON-RPC requests one slot in flight needs per block (receipt, transaction and log checks). */
export const SLOT_REQUESTS_PER_BLOCK = 2;

/** Inputs of {@link decideParallelism}. */
export interface ParallelismInput {
  /** Changes to apply. */
  readonly tasks: number;
  /** `--parallelism`, or null for the default. */
  readonly cap: number | null;
  /** The network's declared RPC limit (requests per second), or null when none is known. */
  readonly rpcRequestsPerSecond: number | null;
  /** Milliseconds per block. */
  readonly blockMs: number;
}

/** Slots run at once: at least 1. */
export function decideParallelism(input: ParallelismInput): number {
  let n = Math.max(1, input.tasks);
  if (input.rpcRequestsPerSecond !== null) {
    const perBlock = (input.rpcRequestsPerSecond * Math.max(1, input.blockMs)) / 1000;
    n = Math.min(n, Math.max(1, Math.floor(perBlock / SLOT_REQUESTS_PER_BLOCK)));
  }
  if (input.cap !== null) n = Math.min(n, Math.max(1, Math.floor(input.cap)));
  return n;
}
