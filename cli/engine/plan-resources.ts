import { errorDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import type { Change } from '../plan/plan-types.js';
import type { ModelView, PlanResourceOptions, ProviderSession } from '../provider-api.js';
import { addressBelongsTo } from './resource-graph.js';
import type { PlanUnit } from './resource-graph.js';
import { isTargeted, notFound, selectTargets } from './select-targets.js';
import { verifyProviderPlan } from './verify-provider-plan.js';

/** Inputs of the per-resource planning walk. */
export interface PlanResourcesInput {
  readonly session: Pick<ProviderSession, 'planResource'>;
  /** In dependency order (collectPlanUnits). */
  readonly units: readonly PlanUnit[];
  readonly model: ModelView | null;
  /** `--destroy`: every resource is planned with desired null. */
  readonly destroy: boolean;
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  /** The autoscaler's replica count per instance address. */
  readonly countOverrides?: ReadonlyMap<string, number> | undefined;
  /** Providers kept out of a slot's next order, by slot address. */
  readonly excludeProviders?: Readonly<Record<string, readonly string[]>> | undefined;
  /** HMACs of the secret values the environment holds now (readSecretHmacs); absent: not compared. */
  readonly secretHmacs?: ReadonlyMap<string, string> | undefined;
}

/** The verified changes of every targeted resource, in dependency order. */
export interface PlanResourcesResult {
  readonly changes: readonly Change[];
  readonly diagnostics: readonly Diagnostic[];
  /** False when `--target` left resources out. */
  readonly complete: boolean;
}

/** Asks the provider for each resource's changes and checks each answer (pure). */
export function planResources(input: PlanResourcesInput): PlanResourcesResult {
  const selection = selectTargets(input.units, input.targets);
  const diagnostics: Diagnostic[] = [...selection.diagnostics, ...checkReplace(input)];
  if (diagnostics.length > 0)
    return { changes: [], diagnostics, complete: selection.keep === null };
  const changes: Change[] = [];
  for (const unit of input.units) {
    if (selection.keep !== null && !selection.keep.has(unit.address)) continue;
    // An autoscaler's override owns the count as a policy does.
    const ignoreCount =
      !input.destroy &&
      (hasPolicy(input.units, unit.address) || input.countOverrides?.has(unit.address) === true);
    const res = input.session.planResource({
      desired: input.destroy ? null : unit.desired,
      prior: unit.prior,
      model: input.destroy ? null : input.model,
      options: {
        replace: input.replace.filter((a) => addressBelongsTo(a, unit.address)),
        ignoreCount,
        ...overridesOf(input, unit.address),
      },
      ...(input.secretHmacs === undefined || input.destroy
        ? {}
        : { secretHmacs: input.secretHmacs }),
    });
    const invalid = verifyProviderPlan({ unit, changes: res.changes, ignoreCount });
    diagnostics.push(...res.diagnostics.map((d) => ({ address: unit.address, ...d })), ...invalid);
    if (invalid.length === 0) changes.push(...res.changes.filter((c) => isTargeted(selection, c)));
  }
  return { changes, diagnostics, complete: selection.keep === null };
}

// An autoscaling policy owns its instance's replica count (the declared count is only the
// starting size). The core knows this one relation by type name; everything else is the provider's.
function hasPolicy(units: readonly PlanUnit[], address: string): boolean {
  return units.some(
    (u) => u.type === 'autoscaling_policy' && u.desired !== null && u.dependsOn.includes(address),
  );
}

// Only the overrides of this resource reach its provider call, so an instance never sees another's.
function overridesOf(
  input: PlanResourcesInput,
  address: string,
): Pick<PlanResourceOptions, 'desiredCount' | 'excludeProviders'> {
  if (input.destroy) return {};
  const count = input.countOverrides?.get(address);
  const exclude = Object.entries(input.excludeProviders ?? {}).filter(([slot]) =>
    addressBelongsTo(slot, address),
  );
  return {
    ...(count === undefined ? {} : { desiredCount: count }),
    ...(exclude.length === 0 ? {} : { excludeProviders: Object.fromEntries(exclude) }),
  };
}

function checkReplace(input: PlanResourcesInput): Diagnostic[] {
  if (input.replace.length === 0) return [];
  if (input.destroy) {
    return [
      errorDiag({
        code: 'plan/replace-with-destroy',
        summary: 'Replace requested in a destroy plan',
        detail: `--replace ${input.replace.join(', ')} was given with --destroy; a destroy plan replaces nothing.`,
        hint: 'Drop --replace, or plan without --destroy.',
      }),
    ];
  }
  const known = input.units.map((u) => u.address);
  return input.replace
    .filter((a) => !known.some((k) => addressBelongsTo(a, k)))
    .map((a) => notFound('plan/replace-not-found', '--replace', a, known));
}
