import { hasErrors } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import type { Change, CostSummary, DriftEntry, Plan, PlanMode } from '../plan/plan-types.js';
import type { ModelView, ProviderSession } from '../provider-api.js';
import { emptyState } from '../state/empty-state.js';
import type { StackState, StateBackend } from '../state/state-types.js';
import { planOutputs } from './plan-outputs.js';
import { planResources } from './plan-resources.js';
import type { PlanResourcesResult } from './plan-resources.js';
import { readSecretHmacs } from './read-secret-hmacs.js';
import { collectPlanUnits } from './resource-graph.js';
import { withStateLock } from '../state/with-state-lock.js';

/** Everything `leasehold plan` decides with (the command builds it from flags). */
export interface PlanStackInput {
  readonly session: ProviderSession;
  readonly backend: StateBackend;
  readonly stack: string;
  readonly model: ModelView | null;
  readonly mode: PlanMode;
  /**
   * `--refresh=false` plans against the state as last written; `chain` refreshes from the chain
   * alone, asking no provider for lease statuses (a fleet plan in seconds).
   */
  readonly refresh: boolean | 'chain';
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  /** The autoscaler's replica count per instance address (`leasehold autoscale`). */
  readonly countOverrides?: ReadonlyMap<string, number> | undefined;
  /** Providers kept out of a slot's next order, by slot address (a replacement's exclusion). */
  readonly excludeProviders?: Readonly<Record<string, readonly string[]>> | undefined;
  /**
   * Where secret values are read to find rotated ones (an update with `secretsChanged`); only
   * their HMACs reach the provider. Absent: secrets are not compared (the autoscaler).
   */
  readonly secretEnv?: Readonly<Record<string, string | undefined>> | undefined;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  /** Leasehold's version, recorded in the lock. */
  readonly version: string;
  readonly now: Date;
  /**
   * Screen each new slot against the provider registry (`plan/no-matching-provider` warnings).
   * `plan` and `apply` do; the autoscaler does not. @default false
   */
  readonly screenMatches?: boolean | undefined;
  /** How long refresh waits for an order a crashed apply left pending (ms). @default 0 */
  readonly pendingTimeoutMs?: number | undefined;
}

/** The plan and every diagnostic found making it (errors make the plan `errored`). */
export interface PlanStackResult {
  readonly plan: Plan;
  readonly diagnostics: Diagnostics;
  /** The state the plan was made against, after refresh (what `show` and apply start from). */
  readonly state: StackState;
}

/**
 * Makes a plan: lock → read state → refresh → plan each resource in dependency order → outputs
 * → cost → release the lock (always). Writes nothing: a plan never changes the state. When
 * refresh reports an error, no resource is planned: the plan is errored and empty.
 */
export function planStack(input: PlanStackInput): Promise<PlanStackResult> {
  const lock = {
    backend: input.backend,
    lock: input.lock,
    timeoutMs: input.lockTimeoutMs,
    operation: 'plan',
    version: input.version,
  };
  return withStateLock(lock, async () => {
    const prior = await input.backend.read();
    const diagnostics: Diagnostic[] = [];
    let state =
      prior ?? emptyState({ stack: input.stack, network: input.session.network, lineage: '' });
    let drift: readonly DriftEntry[] = [];
    if (input.refresh !== false || input.mode === 'refresh-only') {
      const { stack, pendingTimeoutMs } = input;
      const providerStatus = input.refresh !== 'chain';
      const res = await input.session.refresh({ stack, prior, pendingTimeoutMs, providerStatus });
      state = res.state;
      drift = res.drift;
      diagnostics.push(...res.diagnostics);
    }
    const destroy = input.mode === 'destroy';
    // A failed refresh (an order of a crashed apply still pending) leaves nothing to plan against.
    const planned = hasErrors(diagnostics) ? NOTHING_PLANNED : planChanges(input, state);
    diagnostics.push(...planned.diagnostics);
    if (input.screenMatches === true && !destroy && !hasErrors(diagnostics)) {
      const screened = await input.session.screenMatches?.({
        changes: planned.changes,
        stack: input.stack,
        state,
      });
      diagnostics.push(...(screened?.diagnostics ?? []));
    }
    const desired = destroy ? null : input.model;
    const outputs =
      input.mode === 'refresh-only'
        ? {}
        : planOutputs({ model: desired, state, changes: planned.changes });
    const cost = await input.session.costSummary({
      model: desired,
      state,
      changes: planned.changes,
    });
    diagnostics.push(...cost.diagnostics);
    const plan = assemblePlan({
      input,
      prior,
      drift,
      planned,
      outputs,
      cost: cost.cost,
      diagnostics,
    });
    return { plan, diagnostics, state };
  });
}

const NOTHING_PLANNED: PlanResourcesResult = { changes: [], diagnostics: [], complete: true };

/** Every resource's changes (none for refresh-only), secrets compared through their HMACs. */
function planChanges(input: PlanStackInput, state: StackState): PlanResourcesResult {
  if (input.mode === 'refresh-only') return NOTHING_PLANNED;
  const destroy = input.mode === 'destroy';
  return planResources({
    session: input.session,
    units: collectPlanUnits(input.model, state),
    model: input.model,
    destroy,
    targets: input.targets,
    replace: input.replace,
    countOverrides: input.countOverrides,
    excludeProviders: input.excludeProviders,
    secretHmacs: readSecretHmacs({
      salt: state.secretSalt,
      model: destroy ? null : input.model,
      env: input.secretEnv,
    }),
  });
}

interface AssembleInput {
  readonly input: PlanStackInput;
  readonly prior: StackState | null;
  readonly drift: readonly DriftEntry[];
  readonly planned: { readonly changes: readonly Change[]; readonly complete: boolean };
  readonly outputs: Plan['outputs'];
  readonly cost: readonly CostSummary[];
  readonly diagnostics: Diagnostics;
}

// Applyable when something would change: a resource, an output, or — refresh-only — the state.
function assemblePlan(a: AssembleInput): Plan {
  const { input } = a;
  const errored = hasErrors(a.diagnostics);
  const changed =
    a.planned.changes.some((c) => c.action !== 'no-op') ||
    Object.values(a.outputs).some((o) => o.action !== 'no-op');
  const refreshed = input.mode === 'refresh-only' && a.drift.some((d) => d.kind !== 'unknown');
  return {
    formatVersion: 1,
    stack: input.stack,
    mode: input.mode,
    lineage: a.prior?.lineage ?? '',
    serial: a.prior?.serial ?? 0,
    modelHash: input.model?.hash ?? '',
    network: {
      name: input.session.network.name,
      chainId: input.session.network.chainId,
      blockTime: input.session.network.blockTime,
    },
    changes: a.planned.changes,
    drift: a.drift,
    outputs: a.outputs,
    cost: a.cost,
    complete: a.planned.complete,
    applyable: !errored && (changed || refreshed),
    errored,
    createdAt: input.now.toISOString(),
  };
}
