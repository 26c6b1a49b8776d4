import type { PlacementModel } from '../../spec/model-types.js';

/**
 * One lease slot an instance wants: one lease's place in the instance, keyed so that plans and
 * state pair it with its lease from one run to the next.
 */
export interface DesiredSlot {
  /** `"0"`, `"1"` for spread none/provider; the region name for spread region. */
  readonly key: string;
  /** Replicas the slot's lease runs. */
  readonly replicas: number;
  /** The region the slot's order asks for (spread region only), else null. */
  readonly region: string | null;
}

/** Options of {@link mapSlots}. */
export interface MapSlotsInput {
  readonly spread: PlacementModel['spread'];
  readonly regions: readonly string[];
  /** Replicas wanted in total (≥ 0). */
  readonly count: number;
}

/**
 * Groups an instance's replicas into lease slots: `none` → one slot with every replica (so a count
 * change updates one lease in place), `provider` → one slot per replica, `region` → one slot per
 * region with the replicas dealt round-robin in sorted region order; regions dealt nothing get no
 * slot. Zero replicas means no slot at all.
 * @example mapSlots({ spread: 'region', regions: ['us-west', 'eu-central', 'us-east'], count: 4 })
 * // eu-central 2, us-east 1, us-west 1
 */
export function mapSlots(input: MapSlotsInput): DesiredSlot[] {
  if (input.count <= 0) return [];
  switch (input.spread) {
    case 'none':
      return [{ key: '0', replicas: input.count, region: null }];
    case 'provider':
      return Array.from({ length: input.count }, (_, i) => ({
        key: String(i),
        replicas: 1,
        region: null,
      }));
    case 'region':
      return regionSlots(input.regions, input.count);
  }
}

function regionSlots(regions: readonly string[], count: number): DesiredSlot[] {
  const sorted = [...new Set(regions)].sort();
  if (sorted.length === 0) return [];
  const base = Math.floor(count / sorted.length);
  const extra = count % sorted.length;
  return sorted
    .map((region, i) => ({ key: region, replicas: base + (i < extra ? 1 : 0), region }))
    .filter((s) => s.replicas > 0);
}
