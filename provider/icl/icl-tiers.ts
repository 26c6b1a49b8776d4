import type { TierName } from '../spec/spec-types.js';

/**
 * Spheron tiers: numbers 0–6 on chain (secured-1 = 0 … community-4 = 6), names in ICL and in the
 * spec. We read both the docs' `secured-1` and the SDK's `secured1` spellings, and write the SDK's
 * one key (`sdkTierKey`): the SDK reads any other name as "every tier" (reference §3.4).
 */

const NAMES: readonly TierName[] = [
  'secured-1',
  'secured-2',
  'secured-3',
  'community-1',
  'community-2',
  'community-3',
  'community-4',
];
const SECURED = [0, 1, 2];
const COMMUNITY = [3, 4, 5, 6];

/** The SDK's `validTiers` table (utils/deployment.ts): one key per tier set it can order. */
const SDK_KEYS: readonly (readonly [string, readonly number[]])[] = [
  ['secured1', [0]],
  ['secured2', [1]],
  ['secured3', [2]],
  ['community1', [3]],
  ['community2', [4]],
  ['community3', [5]],
  ['community4', [6]],
  ['secured', SECURED],
  ['community', COMMUNITY],
  ['community-default', [...SECURED, ...COMMUNITY]],
];

/**
 * Tier numbers → the one SDK key that orders exactly them (`[3,4,5,6]` → `community`), or null
 * when no key does (`[0, 3]`): the SDK reads a single key, so such a set cannot be written in ICL.
 */
export function sdkTierKey(tiers: readonly number[]): string | null {
  const want = [...new Set(tiers)].sort((a, b) => a - b).join(',');
  return SDK_KEYS.find(([, nums]) => nums.join(',') === want)?.[0] ?? null;
}

/** Tier numbers → the shortest ICL tier list: whole groups by group name, the rest one by one. */
export function tierNumbersToIclNames(tiers: readonly number[]): string[] {
  const set = new Set(tiers);
  const out: string[] = [];
  for (const [group, nums] of [
    ['secured', SECURED],
    ['community', COMMUNITY],
  ] as const) {
    if (nums.every((n) => set.has(n))) out.push(group);
    else for (const n of nums) if (set.has(n)) out.push(NAMES[n] ?? String(n));
  }
  return out;
}

/** One ICL tier name → spec tier names; null when it is not a tier Spheron knows. */
export function iclTierToSpecTiers(name: string): TierName[] | null {
  const n = name.trim().toLowerCase();
  if (n === 'secured' || n === 'community') return [n];
  if (n === 'community-default') return ['secured', 'community'];
  const m = /^(secured|community)-?([1-4])$/.exec(n);
  if (m === null) return null;
  const spec = `${m[1] ?? ''}-${m[2] ?? ''}`;
  return (NAMES as readonly string[]).includes(spec) ? [spec as TierName] : null;
}
