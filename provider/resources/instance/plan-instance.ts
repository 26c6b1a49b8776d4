import type { Diagnostic } from '../../../cli/diag/index.js';
import { errorDiag } from '../../../cli/diag/index.js';
import type { PlanResourceOptions } from '../../../cli/provider-api.js';
import type { Change } from '../../../cli/plan/plan-types.js';
import type { LeaseRecord, ResourceState } from '../../../cli/state/state-types.js';
import type { ResolvedNetwork } from '../../network/network-types.js';
import type { AutoscalingPolicyModel, InstanceModel } from '../../spec/model-types.js';
import { buildSlotChange } from './build-slot-change.js';
import { changedSecrets } from './changed-secrets.js';
import { checkSlots } from './check-slots.js';
import { decideSlotChange } from './decide-slot-change.js';
import type { DecideSlotChangeResult } from './decide-slot-change.js';
import { countManagedNote } from './count-managed-note.js';
import { desiredCount } from './desired-count.js';
import { REPLACE_ROOTS, UPDATE_ROOTS, diffPaths } from './diff-paths.js';
import { groupPriorLeases, liveReplicas } from './group-prior-leases.js';
import { mapSlots } from './map-slots.js';
import type { DesiredSlot } from './map-slots.js';
import { instanceSlotCost } from './instance-slot-cost.js';
import { slotAddress } from './slot-address.js';
import { toPriorInstance } from './prior-instance.js';
import type { PriorInstance } from './prior-instance.js';

/** Options of {@link planInstance}. */
export interface PlanInstanceInput {
  /** `instance.web`. */
  readonly address: string;
  readonly name: string;
  readonly desired: InstanceModel | null;
  readonly prior: ResourceState | null;
  /** The instance's autoscaling policy in the desired model, null when none. */
  readonly policy: Pick<AutoscalingPolicyModel, 'min' | 'max'> | null;
  readonly options: PlanResourceOptions;
  readonly network: ResolvedNetwork;
  /** Providers able to serve the instance; undefined when unknown (no check). */
  readonly eligibleProviders?: number | undefined;
  /** HMACs of the secret values the environment holds now; undefined: secrets are not compared. */
  readonly secretHmacs?: ReadonlyMap<string, string> | undefined;
}

/** What {@link planInstance} planned. */
export interface PlanInstanceResult {
  readonly changes: Change[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Plans an instance slot by slot: maps the desired replicas to slots, pairs
 * them with the leases in state, and decides each slot's action; duplicate leases of one slot are
 * deleted, and `prevent_destroy` turns a delete into an error. A lease whose last manifest carried
 * another value of a secret than the environment holds now is updated (`secretsChanged`).
 */
export function planInstance(input: PlanInstanceInput): PlanInstanceResult {
  const priorAttrs = toPriorInstance(input.prior?.attributes ?? null);
  const grouped = groupPriorLeases(input.prior?.leases ?? []);
  const desired = input.desired;
  const count =
    desired === null
      ? 0
      : (input.options.desiredCount ??
        desiredCount({
          declared: desired.count,
          live: liveReplicas([...grouped.bySlot.values()]),
          policy: input.policy,
          ignoreCount: input.options.ignoreCount,
        }));
  const slots = desired === null ? [] : mapSlots({ ...desired.placement, count });
  const diagnostics: Diagnostic[] =
    desired === null
      ? []
      : checkSlots({
          address: input.address,
          placement: desired.placement,
          slots: slots.length,
          eligibleProviders: input.eligibleProviders,
        });
  const managed =
    desired === null || input.options.desiredCount !== undefined
      ? null
      : countManagedNote({
          address: input.address,
          name: input.name,
          declared: desired.count,
          priorDeclared: priorAttrs?.count,
          planned: count,
          policy: input.policy,
        });
  if (managed !== null) diagnostics.push(managed);
  const ctx = slotContext(input, priorAttrs);
  const changes: Change[] = [];
  // By key, not a search per slot: a fleet of 10,000 slots must not plan in quadratic time.
  const slotByKey = new Map(slots.map((s) => [s.key, s]));
  for (const key of slotKeys(slots, grouped.bySlot)) {
    const slot = slotByKey.get(key) ?? null;
    const held = grouped.bySlot.get(key) ?? null;
    // A desired slot holding only a `planned` record (an order or lease an interrupted apply did
    // not finish) plans as a create: applySlot finds the record in the prior state and resumes it.
    const lease = slot !== null && held?.status === 'planned' ? null : held;
    const resuming = slot !== null && held?.status === 'planned';
    const decision = decideSlotChange({ ...ctx.facts(key, slot, lease), resuming });
    if (decision.action === 'delete' && ctx.preventDestroy) {
      diagnostics.push(preventDestroy(input.address, key, lease));
      continue;
    }
    changes.push(ctx.change(key, slot, lease, decision));
  }
  for (const dup of grouped.duplicates) {
    changes.push(
      ctx.change(dup.key, null, dup, { action: 'delete', reason: 'delete-because-duplicate' }),
    );
  }
  return { changes, diagnostics };
}

/** Paths that differ between what was applied and what is wanted, for the whole resource. */
function resourceDiff(
  priorAttrs: PriorInstance | null,
  desired: InstanceModel | null,
): { replacePaths: string[]; updatePaths: string[] } {
  if (desired === null || priorAttrs === null) return { replacePaths: [], updatePaths: [] };
  // Under spread "region" the region list decides the slots, so adding a region creates a slot
  // instead of replacing every other one.
  const replacePaths = diffPaths(priorAttrs, desired, REPLACE_ROOTS).filter(
    (p) => !(desired.placement.spread === 'region' && p === 'placement.regions'),
  );
  return { replacePaths, updatePaths: diffPaths(priorAttrs, desired, UPDATE_ROOTS) };
}

function slotContext(input: PlanInstanceInput, priorAttrs: PriorInstance | null) {
  const desired = input.desired;
  const { replacePaths, updatePaths } = resourceDiff(priorAttrs, desired);
  const priorMapped = priorSlotKeys(priorAttrs, input.prior?.leases ?? []);
  const lifecycle = desired?.lifecycle ?? priorAttrs?.lifecycle;
  const replace = new Set(input.options.replace);
  return {
    preventDestroy: lifecycle?.preventDestroy ?? false,
    facts: (key: string, slot: DesiredSlot | null, lease: LeaseRecord | null) => ({
      desired: slot !== null,
      prior: lease !== null,
      resourceDesired: desired !== null,
      resourceExisted: input.prior !== null,
      newSlot: !priorMapped.has(key),
      replacePaths,
      updatePaths: [
        ...updatePaths,
        ...(lease !== null && slot !== null && lease.replicas !== slot.replicas
          ? ['replicas']
          : []),
        ...rotatedSecrets(input, slot, lease),
      ],
      tainted: lease?.status === 'tainted',
      replaceRequested: replace.has(input.address) || replace.has(slotAddress(input.address, key)),
      createBeforeDestroy: lifecycle?.createBeforeDestroy ?? true,
    }),
    change: (
      key: string,
      slot: DesiredSlot | null,
      lease: LeaseRecord | null,
      decision: DecideSlotChangeResult,
    ): Change =>
      buildSlotChange({
        resource: input.address,
        name: input.name,
        key,
        decision,
        priorAttributes: priorAttrs,
        desiredAttributes: desired,
        lease,
        replicas: slot?.replicas ?? null,
        // A new lease (create, replacement) asks for the slot's own region, not the old lease's:
        // under spread none/provider a replacement may land in any region the placement allows.
        region:
          slot !== null && (decision.action === 'create' || decision.action.includes('-then-'))
            ? slot.region
            : (slot?.region ?? lease?.region ?? null),
        exclude: input.options.excludeProviders?.[slotAddress(input.address, key)] ?? [],
        secretsChanged: decision.action === 'update' ? rotatedSecrets(input, slot, lease) : [],
        cost: instanceSlotCost({
          action: decision.action,
          desired: slot === null ? null : desired,
          replicas: slot?.replicas ?? 0,
          priorAttributes: priorAttrs,
          lease,
          network: input.network,
        }),
      }),
  };
}

/** Secrets whose value a kept lease did not receive yet: an update sends it. */
function rotatedSecrets(
  input: PlanInstanceInput,
  slot: DesiredSlot | null,
  lease: LeaseRecord | null,
): string[] {
  if (input.desired === null || slot === null || lease === null) return [];
  return changedSecrets({
    model: input.desired,
    recorded: lease.secretHmacs,
    current: input.secretHmacs,
  });
}

/** Slots the attributes last applied mapped to; the leases' own keys when those are unknown. */
function priorSlotKeys(
  attrs: PriorInstance | null,
  leases: readonly LeaseRecord[],
): ReadonlySet<string> {
  const spread = attrs?.placement?.spread;
  if (spread === undefined || attrs?.count === undefined) return new Set(leases.map((l) => l.key));
  const regions = attrs.placement?.regions ?? [];
  return new Set(mapSlots({ spread, regions, count: attrs.count }).map((s) => s.key));
}

/** Desired slots in mapping order, then prior-only slots in key order. */
function slotKeys(
  slots: readonly DesiredSlot[],
  prior: ReadonlyMap<string, LeaseRecord>,
): string[] {
  const keys = slots.map((s) => s.key);
  const desired = new Set(keys);
  const extra = [...prior.keys()].filter((k) => !desired.has(k)).sort(compareKeys);
  return [...keys, ...extra];
}

function compareKeys(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isInteger(na) && Number.isInteger(nb) ? na - nb : a.localeCompare(b);
}

function preventDestroy(address: string, key: string, lease: LeaseRecord | null): Diagnostic {
  const slot = slotAddress(address, key);
  return errorDiag({
    code: 'plan/prevent-destroy',
    summary: 'Plan would destroy a resource with prevent_destroy',
    detail: `${slot} (lease ${lease?.leaseId ?? lease?.orderId ?? 'unknown'}) would be destroyed, but its instance sets lifecycle.preventDestroy to true.`,
    hint: 'Keep the instance and its count in the spec, or set lifecycle.preventDestroy to false first.',
    address: slot,
  });
}
