import type { PlacementModel } from './model-types.js';
import { sortedUnique } from './normalize-resources.js';
import type { PlacementSpec, TierName } from './spec-types.js';

/** Spheron tier numbers per tier name: secured-1..3 → 0..2, community-1..4 → 3..6. */
export const TIER_NUMBERS: Readonly<Record<TierName, readonly number[]>> = {
  secured: [0, 1, 2],
  community: [3, 4, 5, 6],
  'secured-1': [0],
  'secured-2': [1],
  'secured-3': [2],
  'community-1': [3],
  'community-2': [4],
  'community-3': [5],
  'community-4': [6],
};

/** Tiers when none are given: `community`, as the spec documents. */
export const DEFAULT_TIERS: readonly TierName[] = ['community'];

/** Resolves tier names to numbers and sorts every order-insensitive list. */
export function normalizePlacement(spec: PlacementSpec | undefined): PlacementModel {
  const tiers = (spec?.tiers ?? DEFAULT_TIERS).flatMap((t) => TIER_NUMBERS[t] ?? []);
  return {
    regions: sortedUnique(spec?.regions ?? []),
    tiers: [...new Set(tiers)].sort((a, b) => a - b),
    allowProviders: sortedUnique((spec?.providers?.allow ?? []).map((a) => a.toLowerCase())),
    denyProviders: sortedUnique((spec?.providers?.deny ?? []).map((a) => a.toLowerCase())),
    spread: spec?.spread ?? 'none',
    mode: spec?.mode ?? 'provider',
    ...(spec?.protocol === undefined ? {} : { protocol: spec.protocol }),
  };
}
