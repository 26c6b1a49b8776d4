import { errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Change } from '../plan/plan-types.js';
import { resourceOf } from './resource-graph.js';
import type { PlanUnit } from './resource-graph.js';

/** What `--target` keeps: per resource, null for all its slots or the slot addresses named. */
export interface TargetSelection {
  /** Null when no target was given: everything is planned. */
  readonly keep: ReadonlyMap<string, ReadonlySet<string> | null> | null;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Resolves `--target` addresses against the resources: each named resource or slot, plus
 * (transitively) every resource it depends on, as Terraform extends targets to dependencies.
 */
export function selectTargets(
  units: readonly PlanUnit[],
  targets: readonly string[],
): TargetSelection {
  if (targets.length === 0) return { keep: null, diagnostics: [] };
  const byAddress = new Map(units.map((u) => [u.address, u]));
  const keep = new Map<string, Set<string> | null>();
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const resource = resourceOf(target);
    if (!byAddress.has(resource)) {
      diagnostics.push(
        notFound('plan/target-not-found', '--target', target, [...byAddress.keys()]),
      );
      continue;
    }
    const slots = keep.get(resource);
    if (target === resource) keep.set(resource, null);
    else if (slots === undefined) keep.set(resource, new Set([target]));
    else slots?.add(target);
  }
  const pending = [...keep.keys()];
  for (let address = pending.pop(); address !== undefined; address = pending.pop()) {
    for (const dep of byAddress.get(address)?.dependsOn ?? []) {
      if (!byAddress.has(dep) || keep.get(dep) === null) continue;
      keep.set(dep, null);
      pending.push(dep);
    }
  }
  return { keep, diagnostics };
}

/** Whether a planned change survives the target selection. */
export function isTargeted(selection: TargetSelection, change: Change): boolean {
  if (selection.keep === null) return true;
  if (!selection.keep.has(change.resource)) return false;
  const slots = selection.keep.get(change.resource);
  return slots === null || slots === undefined || slots.has(change.address);
}

/** The error for an address (`--target`, `--replace`) that names no resource of the stack. */
export function notFound(
  code: string,
  flag: string,
  address: string,
  known: readonly string[],
): Diagnostic {
  return errorDiag({
    code,
    summary: `Unknown resource address in ${flag}`,
    detail: `"${address}" names no resource in the configuration or the state. Known: ${known.join(', ') || '(none)'}.`,
    hint: 'Use an address from `leasehold show`, such as instance.web or instance.web[0].',
    address,
  });
}
