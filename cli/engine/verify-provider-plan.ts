import { errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { jsonEqual } from '../plan/json-equal.js';
import type { Change } from '../plan/plan-types.js';
import { addressBelongsTo } from './resource-graph.js';
import type { PlanUnit } from './resource-graph.js';

/** What the engine checks one resource's planned changes against. */
export interface VerifyProviderPlanInput {
  readonly unit: PlanUnit;
  readonly changes: readonly Change[];
  /** The policy controls the count, so a no-op may keep a live `count` unlike the declared one. */
  readonly ignoreCount: boolean;
}

/**
 * The core checks what the provider returns (STYLE §10): every change belongs to the resource,
 * its action agrees with before/after, a slot is planned once, nothing is created for a removed
 * resource, and a no-op's `after` carries every desired attribute. Violations are provider bugs.
 */
export function verifyProviderPlan(input: VerifyProviderPlanInput): Diagnostic[] {
  const { unit } = input;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of input.changes) {
    problems.push(...checkIdentity(unit, c), ...checkAction(unit, c));
    // A duplicate lease of one slot is deleted beside the slot's own change: same address.
    if (c.reason !== 'delete-because-duplicate') {
      if (seen.has(c.address)) problems.push(`${c.address} is planned twice`);
      seen.add(c.address);
    }
    if (c.action === 'no-op' && unit.desired !== null) {
      for (const key of differingKeys(unit.desired.attributes, c.after, input.ignoreCount))
        problems.push(`the no-op of ${c.address} has "${key}" different from the configuration`);
    }
  }
  return problems.map((p) =>
    errorDiag({
      code: 'core/invalid-provider-plan',
      summary: 'Provider returned an invalid plan',
      detail: `For ${unit.address}: ${p}. This is a bug in Leasehold's provider, not in your stack.`,
      hint: 'Report this with the output of `leasehold plan --json`; do not apply this plan.',
      address: unit.address,
    }),
  );
}

function checkIdentity(unit: PlanUnit, c: Change): string[] {
  const out: string[] = [];
  if (c.resource !== unit.address || !addressBelongsTo(c.address, unit.address))
    out.push(`a change addresses ${c.address} (resource ${c.resource})`);
  if (c.type !== unit.type || c.name !== unit.name)
    out.push(`${c.address} has type/name ${c.type}.${c.name}`);
  if ((c.key === null) !== (c.address === c.resource))
    out.push(`${c.address} has slot key ${JSON.stringify(c.key)}`);
  return out;
}

function checkAction(unit: PlanUnit, c: Change): string[] {
  const hasBefore = c.before !== null && c.before !== undefined;
  const hasAfter = c.after !== null && c.after !== undefined;
  const out: string[] = [];
  const expect = (before: boolean, after: boolean): void => {
    if (hasBefore !== before || hasAfter !== after)
      out.push(
        `${c.address} is a ${c.action} with before ${hasBefore ? 'set' : 'null'} and after ${hasAfter ? 'set' : 'null'}`,
      );
  };
  if (c.action === 'create') expect(false, true);
  else if (c.action === 'delete') expect(true, false);
  else if (c.action !== 'read') expect(true, true);
  if (unit.desired === null && c.action !== 'delete')
    out.push(`${c.address} is a ${c.action}, but the resource is not in the configuration`);
  if (unit.prior === null && c.action !== 'create' && c.action !== 'no-op')
    out.push(`${c.address} is a ${c.action}, but the resource has no state`);
  return out;
}

function differingKeys(desired: unknown, after: unknown, ignoreCount: boolean): string[] {
  if (typeof desired !== 'object' || desired === null)
    return jsonEqual(desired, after) ? [] : ['(value)'];
  const a = typeof after === 'object' && after !== null ? (after as Record<string, unknown>) : {};
  return Object.entries(desired as Record<string, unknown>)
    .filter(([k]) => !(ignoreCount && k === 'count'))
    .filter(([k, v]) => !jsonEqual(v, a[k]))
    .map(([k]) => k);
}
