import { errorDiag, hasErrors } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import { isPlanStale } from '../plan/plan-file.js';
import type { PlanFile } from '../plan/plan-file.js';
import type { Plan } from '../plan/plan-types.js';
import type { ModelView, ProviderSession } from '../provider-api.js';
import type { StackState, StateBackend } from '../state/state-types.js';
import { withStateLock } from '../state/with-state-lock.js';
import type { ApplyProgressEvent, SlotOutcome } from './apply-events.js';
import { applyPlan } from './apply-plan.js';
import type { ApplyPlanResult, ApplyTimeouts } from './apply-plan.js';
import { findUnappliedTargets, unappliedSpecWarning } from './find-unapplied-edits.js';
import { planStack } from './plan-stack.js';

/** `apply` / `destroy` over an open session: plan (or a saved plan), confirm, execute. */
export interface ApplyStackInput {
  readonly session: ProviderSession;
  readonly backend: StateBackend;
  readonly model: ModelView;
  /** A saved plan to apply as it is (no prompt), or null to plan now. */
  readonly planFile: PlanFile | null;
  /** `destroy` plans to close everything (ignored with a saved plan: its own mode holds). */
  readonly mode: 'normal' | 'destroy';
  /** `chain`: refresh from the chain alone (no provider status reads). */
  readonly refresh: boolean | 'chain';
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  /** The autoscaler's replica count per instance address (`leasehold autoscale`). */
  readonly countOverrides?: ReadonlyMap<string, number> | undefined;
  /** Providers kept out of a slot's next order, by slot address. */
  readonly excludeProviders?: Readonly<Record<string, readonly string[]>> | undefined;
  /**
   * The autoscaler's guard: refuse (`autoscale/unapplied-spec`, nothing sent) when, read under the
   * lock, the state records another configuration of a target than `model` declares — a human
   * applied (or edited) since the controller loaded its model. @default false
   */
  readonly requireAppliedModel?: boolean | undefined;
  /**
   * Screen new slots against the provider registry before confirming, and refuse
   * (`apply/unmatched`, nothing sent) when one has no provider, unless `allowUnmatched`. The
   * autoscaler leaves it off. @default false
   */
  readonly screenMatches?: boolean | undefined;
  /** `--allow-unmatched`: order such slots anyway (the warning stays). @default false */
  readonly allowUnmatched?: boolean | undefined;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  readonly version: string;
  /** At most this many slots at once; null: sized from the plan and the network's limits. */
  readonly parallelism: number | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Whether planning compares secret values with the ones last sent (`secretsChanged`). The
   * autoscaler says false: its environment is as old as its process, and must not undo a
   * rotation made by `apply`. @default true
   */
  readonly compareSecrets?: boolean | undefined;
  readonly signal: AbortSignal;
  readonly emit: (event: ApplyProgressEvent) => void;
  readonly timeouts: ApplyTimeouts;
  readonly now: () => Date;
  /** Shown the fresh plan; resolves true to go on. Never asked for a saved plan. */
  readonly confirm: (plan: Plan) => Promise<boolean>;
}

/** How an apply ended (the command maps it to an exit code: 0, 1 or 130). */
export type ApplyStatus =
  'applied' | 'no-changes' | 'cancelled' | 'refused' | 'failed' | 'interrupted';

/** The plan applied, what became of each change, and the state as it was left. */
export interface ApplyStackResult {
  readonly status: ApplyStatus;
  /** Null when a saved plan was refused before it was read into a plan. */
  readonly plan: Plan | null;
  readonly outcomes: readonly SlotOutcome[];
  /** Errors of a failed or refused apply, and warnings. */
  readonly diagnostics: Diagnostics;
  /** The state after apply; null when nothing was written and the stack has none. */
  readonly state: StackState | null;
  /** A state write failed: what could not be saved (see `ApplyPlanResult.unsaved`). */
  readonly unsaved?: StackState | undefined;
  /** Transaction hashes sent during the run. */
  readonly txHashes?: readonly string[] | undefined;
}

/**
 * Holds the state lock (`apply`) for the whole run: a saved plan must still match the state's
 * lineage and serial and the model's hash (else `apply/stale-plan`, nothing sent) and the state is
 * refreshed from the chain first; without one, the stack is planned under the same lock and the
 * plan confirmed. Then the executor runs it.
 */
export function applyStack(input: ApplyStackInput): Promise<ApplyStackResult> {
  const lock = {
    backend: input.backend,
    lock: input.lock,
    timeoutMs: input.lockTimeoutMs,
    operation: 'apply',
    version: input.version,
  };
  return withStateLock(lock, async () => {
    const start = input.planFile === null ? await planNow(input) : await fromSaved(input);
    if ('status' in start) return start;
    const destroy = start.plan.mode === 'destroy';
    const res = await applyPlan({
      session: input.session,
      backend: input.backend,
      state: start.state,
      stateChanged: start.stateChanged,
      model: destroy ? null : input.model,
      plan: start.plan,
      parallelism: input.parallelism,
      env: input.env,
      signal: input.signal,
      emit: input.emit,
      timeouts: input.timeouts,
      now: input.now,
    });
    return {
      status: start.noChanges ? 'no-changes' : statusOf(res),
      plan: start.plan,
      outcomes: res.outcomes,
      diagnostics: [...start.warnings, ...res.diagnostics],
      state: res.state,
      ...(res.unsaved === undefined ? {} : { unsaved: res.unsaved }),
      txHashes: res.txHashes ?? [],
    };
  });
}

function statusOf(res: ApplyPlanResult): ApplyStatus {
  if (res.interrupted) return 'interrupted';
  return hasErrors(res.diagnostics) ? 'failed' : 'applied';
}

type Start =
  | {
      readonly plan: Plan;
      readonly state: StackState;
      readonly warnings: Diagnostics;
      /** Refresh found something (adopted leases, a resolved journal): write it even if no change. */
      readonly stateChanged: boolean;
      /** The plan changes nothing: run only to record what refresh found and the outputs. */
      readonly noChanges: boolean;
    }
  | ApplyStackResult;

const differs = (a: StackState | null, b: StackState): boolean =>
  JSON.stringify(a) !== JSON.stringify(b);

async function planNow(input: ApplyStackInput): Promise<Start> {
  const prior = await input.backend.read();
  const res = await planStack({
    session: input.session,
    backend: input.backend,
    stack: input.model.stack,
    model: input.model,
    mode: input.mode,
    refresh: input.refresh,
    targets: input.targets,
    replace: input.replace,
    countOverrides: input.countOverrides,
    excludeProviders: input.excludeProviders,
    secretEnv: input.compareSecrets === false ? undefined : input.env,
    lock: false,
    lockTimeoutMs: 0,
    version: input.version,
    now: input.now(),
    pendingTimeoutMs: input.timeouts.pendingMs,
    screenMatches: input.screenMatches,
  });
  const end = (status: ApplyStatus): ApplyStackResult => ({
    status,
    plan: res.plan,
    outcomes: [],
    diagnostics: res.diagnostics,
    state: res.state,
  });
  if (hasErrors(res.diagnostics)) return end('failed');
  const held =
    input.requireAppliedModel === true
      ? findUnappliedTargets(input.model, res.state, input.targets)
      : [];
  if (held.length > 0) return { ...end('refused'), diagnostics: [unappliedSpecWarning(held)] };
  const unmatched = refuseUnmatched(res.diagnostics, input.allowUnmatched === true);
  if (unmatched !== null)
    return { ...end('refused'), diagnostics: [...res.diagnostics, unmatched] };
  const stateChanged = differs(prior, res.state);
  const start = { plan: res.plan, state: res.state, warnings: res.diagnostics, stateChanged };
  if (!res.plan.applyable) return { ...start, noChanges: true };
  if (!(await input.confirm(res.plan))) return end('cancelled');
  if (input.signal.aborted) return end('interrupted');
  return { ...start, noChanges: false };
}

async function fromSaved(input: ApplyStackInput): Promise<Start> {
  const planFile = input.planFile as PlanFile;
  const prior = await input.backend.read();
  const refuse = (d: Diagnostic): ApplyStackResult => ({
    status: 'refused',
    plan: planFile.plan,
    outcomes: [],
    diagnostics: [d],
    state: prior,
  });
  const refusal = savedPlanRefusal(input, planFile, prior);
  if (refusal !== null) return refuse(refusal);
  const refreshed = await input.session.refresh({
    stack: planFile.stack,
    prior,
    pendingTimeoutMs: input.timeouts.pendingMs,
  });
  if (hasErrors(refreshed.diagnostics))
    return {
      status: 'failed',
      plan: planFile.plan,
      outcomes: [],
      diagnostics: refreshed.diagnostics,
      state: prior,
    };
  const screened = await screenSaved(input, planFile, refreshed.state);
  const unmatched = refuseUnmatched(screened, input.allowUnmatched === true);
  if (unmatched !== null)
    return {
      status: 'refused',
      plan: planFile.plan,
      outcomes: [],
      diagnostics: [...refreshed.diagnostics, ...screened, unmatched],
      state: prior,
    };
  return {
    plan: planFile.plan,
    state: refreshed.state,
    warnings: [...refreshed.diagnostics, ...screened],
    stateChanged: differs(prior, refreshed.state),
    noChanges: false,
  };
}

/** Why a saved plan cannot be applied as it is (stale, errored, another chain); null when it can. */
function savedPlanRefusal(
  input: ApplyStackInput,
  planFile: PlanFile,
  prior: StackState | null,
): Diagnostic | null {
  const stale = isPlanStale(planFile, prior, input.model.hash);
  if (stale !== null)
    return errorDiag({
      code: 'apply/stale-plan',
      summary: 'Saved plan is stale',
      detail: `${stale.detail} Nothing was sent.`,
      hint: 'Run `leasehold plan --out FILE` again and apply the new plan.',
    });
  if (planFile.plan.errored || planFile.network.chainId !== input.session.network.chainId)
    return errorDiag({
      code: 'apply/plan-not-applyable',
      summary: 'Saved plan cannot be applied',
      detail: planFile.plan.errored
        ? 'The plan was saved with errors. Nothing was sent.'
        : `The plan was made for chain ${planFile.network.chainId} (${planFile.network.name}), but this session is on chain ${input.session.network.chainId}. Nothing was sent.`,
      hint: 'Fix the problems, plan again with --out, and apply that plan.',
    });
  return null;
}

/**
 * A saved plan is screened again, as a fresh one is: its warnings are not in the file, and an
 * order that cannot match would stay open on chain. Called before anything is sent.
 */
async function screenSaved(
  input: ApplyStackInput,
  planFile: PlanFile,
  state: StackState,
): Promise<Diagnostics> {
  if (input.screenMatches !== true) return [];
  const res = await input.session.screenMatches?.({
    changes: planFile.plan.changes,
    stack: planFile.stack,
    state,
  });
  return res?.diagnostics ?? [];
}

/**
 * The refusal of a plan with slots no provider can take (`plan/no-matching-provider`): each would
 * be an open order on chain that cannot be cancelled. Null when there are none or they are allowed.
 */
export function refuseUnmatched(diags: Diagnostics, allow: boolean): Diagnostic | null {
  const slots = diags.filter((d) => d.code === 'plan/no-matching-provider');
  if (allow || slots.length === 0) return null;
  return errorDiag({
    code: 'apply/unmatched',
    summary: 'No provider can take some slots',
    detail: `${slots.map((d) => d.address ?? '?').join(', ')}: no registered provider meets the requirements (see the warnings above). Nothing was sent: an order that cannot match stays open on chain, and Spheron cannot cancel it.`,
    hint: 'Relax the placement, or run apply with --allow-unmatched to order them anyway.',
  });
}
