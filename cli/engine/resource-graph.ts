import type { ModelResourceView, ModelView } from '../provider-api.js';
import type { ResourceState, StackState } from '../state/state-types.js';

/** One resource the planner visits: its desired form, its prior state and what it depends on. */
export interface PlanUnit {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly desired: ModelResourceView | null;
  readonly prior: ResourceState | null;
  /** Resource addresses this one refers to (a health check's or policy's `instance`). */
  readonly dependsOn: readonly string[];
}

/**
 * The addresses a resource refers to. The core reads only the generic `instance` reference that
 * health checks and policies carry; it knows nothing else of their attributes.
 */
export function resourceDependencies(attributes: unknown): string[] {
  if (typeof attributes !== 'object' || attributes === null) return [];
  const ref = (attributes as { instance?: unknown }).instance;
  return typeof ref === 'string' ? [ref] : [];
}

/**
 * The union of model and state resources in dependency order, level by level: everything that
 * refers to nothing (instances) first, then what refers to those (health checks, policies), each
 * level sorted by address.
 */
export function collectPlanUnits(model: ModelView | null, state: StackState): PlanUnit[] {
  const byAddress = new Map<string, PlanUnit>();
  const desired = new Map((model?.resources ?? []).map((r) => [r.address, r]));
  const prior = new Map(state.resources.map((r) => [r.address, r]));
  for (const address of [...new Set([...desired.keys(), ...prior.keys()])].sort()) {
    const d = desired.get(address) ?? null;
    const p = prior.get(address) ?? null;
    const source = d ?? p;
    if (source === null) continue;
    byAddress.set(address, {
      address,
      type: source.type,
      name: source.name,
      desired: d,
      prior: p,
      dependsOn: resourceDependencies(d?.attributes ?? p?.attributes),
    });
  }
  const depths = new Map<string, number>();
  const depth = (unit: PlanUnit, path: ReadonlySet<string>): number => {
    const known = depths.get(unit.address);
    if (known !== undefined) return known;
    let d = 0;
    for (const dep of unit.dependsOn) {
      const target = byAddress.get(dep);
      // A reference cycle is the validator's to report; here it must only not loop.
      if (target !== undefined && !path.has(dep))
        d = Math.max(d, 1 + depth(target, new Set([...path, unit.address])));
    }
    depths.set(unit.address, d);
    return d;
  };
  return [...byAddress.values()]
    .map((u) => ({ u, d: depth(u, new Set()) }))
    .sort((a, b) => a.d - b.d || a.u.address.localeCompare(b.u.address))
    .map(({ u }) => u);
}

/** The resource part of an address: `instance.web["us-east"]` → `instance.web`. */
export function resourceOf(address: string): string {
  const i = address.indexOf('[');
  return i < 0 ? address : address.slice(0, i);
}

/** Whether a user-given address names this resource or one of its slots. */
export function addressBelongsTo(address: string, resource: string): boolean {
  return address === resource || address.startsWith(`${resource}[`);
}
