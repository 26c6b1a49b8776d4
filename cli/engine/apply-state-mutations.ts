import { randomUUID } from 'node:crypto';
import { newSecretSalt } from '../state/secret-hmac.js';
import type { Change } from '../plan/plan-types.js';
import type { ModelResourceView } from '../provider-api.js';
import type { LeaseRecord, OutputState, ResourceState, StackState } from '../state/state-types.js';

// Pure state mutations of apply; the StateWriter runs them one at a time and writes each result.

/**
 * The model hash of a resource whose changes have not all succeeded yet: it matches no model, so
 * the next plan diffs the resource again (the state schema wants a non-empty hash).
 */
export const UNCOMMITTED_HASH = 'uncommitted';

const byAddress = (a: ResourceState, b: ResourceState): number =>
  a.address < b.address ? -1 : a.address > b.address ? 1 : 0;

/** Sorted by key as refresh sorts them; within one key the given order (primary first) is kept. */
function stableByKey(leases: readonly LeaseRecord[]): LeaseRecord[] {
  return leases
    .map((l, i) => [l, i] as const)
    .sort(([a, i], [b, j]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : i - j))
    .map(([l]) => l);
}

/**
 * Replaces the lease records of one slot (`recordLeases`). A resource not yet in state is added
 * with null attributes and `UNCOMMITTED_HASH`: the real ones are written only once every change of the
 * resource succeeded (`commitResource`), so a half-applied resource plans again next time.
 */
export function setSlotLeases(
  state: StackState,
  change: Pick<Change, 'resource' | 'type' | 'name' | 'key'>,
  leases: readonly LeaseRecord[],
): StackState {
  if (change.key === null) return state;
  const key = change.key;
  const prior = state.resources.find((r) => r.address === change.resource);
  const resource: ResourceState = prior ?? {
    address: change.resource,
    type: change.type,
    name: change.name,
    attributes: null,
    modelHash: UNCOMMITTED_HASH,
    leases: [],
  };
  const next: ResourceState = {
    ...resource,
    leases: stableByKey([...resource.leases.filter((l) => l.key !== key), ...leases]),
  };
  const others = state.resources.filter((r) => r.address !== change.resource);
  return { ...state, resources: [...others, next].sort(byAddress) };
}

/**
 * Records that every change of a resource succeeded: its model attributes and hash are written
 * (added when new); a resource gone from the model leaves the state once it holds no lease.
 */
export function commitResource(
  state: StackState,
  address: string,
  desired: ModelResourceView | null,
): StackState {
  const prior = state.resources.find((r) => r.address === address);
  const others = state.resources.filter((r) => r.address !== address);
  if (desired === null) {
    if (prior === undefined || prior.leases.length > 0) return state;
    return { ...state, resources: others };
  }
  const next: ResourceState = {
    address,
    type: desired.type,
    name: desired.name,
    attributes: desired.attributes,
    modelHash: desired.hash,
    leases: prior?.leases ?? [],
  };
  if (prior !== undefined && JSON.stringify(prior) === JSON.stringify(next)) return state;
  return { ...state, resources: [...others, next].sort(byAddress) };
}

/** Gives a state applied for the first time its lineage and tenant. */
export function claimState(state: StackState, tenant: string | null): StackState {
  const lineage = state.lineage === '' ? randomUUID() : state.lineage;
  const owner = state.tenant ?? tenant;
  return lineage === state.lineage && owner === state.tenant
    ? state
    : { ...state, lineage, tenant: owner };
}

/**
 * Gives a state its secret salt (the key of the leases' secret HMACs) when it has none: a new
 * state at its first apply, with its lineage; a state written before salts existed at its next
 * apply that changes something (its leases' HMACs are unknown until their manifest is sent again).
 */
export function ensureSecretSalt(state: StackState): StackState {
  return state.secretSalt === undefined ? { ...state, secretSalt: newSecretSalt() } : state;
}

/** Replaces the stack's outputs (unchanged object when equal, so nothing is written). */
export function setOutputs(
  state: StackState,
  outputs: Readonly<Record<string, OutputState>>,
): StackState {
  return JSON.stringify(state.outputs) === JSON.stringify(outputs) ? state : { ...state, outputs };
}
