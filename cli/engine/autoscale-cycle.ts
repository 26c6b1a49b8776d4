import { hasErrors } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import type {
  AutoscaleDecisionEvent,
  CycleDecision,
  ModelView,
  ProviderSession,
} from '../provider-api.js';
import type { StateBackend } from '../state/state-types.js';
import type { ApplyProgressEvent } from './apply-events.js';
import type { ApplyTimeouts } from './apply-plan.js';
import { applyStack } from './apply-stack.js';
import type { ApplyStatus } from './apply-stack.js';
import { toAutoscaleEvent } from './autoscale-event.js';
import {
  findUnappliedEdits,
  unappliedReason,
  unappliedSpecWarning,
} from './find-unapplied-edits.js';
import {
  activeExclusions,
  readAutoscaleHistory,
  recordAutoscaleCycle,
  writeAutoscaleHistory,
} from './autoscale-history.js';
import type { RecordedDecision } from './autoscale-history.js';

/** Everything one controller cycle needs; the controller loop builds it each cycle. */
export interface AutoscaleCycleInput {
  readonly session: ProviderSession;
  readonly backend: StateBackend;
  /** The stack as its spec reads now (the controller reloads it every cycle). */
  readonly model: ModelView;
  /** `<state dir>/<stack>.autoscale.json`. */
  readonly historyPath: string;
  readonly version: string;
  /** How long an apply waits for the state lock (a human's `apply` may hold it). */
  readonly lockTimeoutMs: number;
  /** At most this many slots at once; null: sized from the plan and the network's limits. */
  readonly parallelism: number | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborts an apply in flight (a second Ctrl-C). */
  readonly signal: AbortSignal;
  readonly emit: (event: ApplyProgressEvent) => void;
  readonly timeouts: ApplyTimeouts;
  readonly now: () => Date;
}

/** What one cycle decided and did. */
export interface AutoscaleCycleResult {
  readonly events: readonly AutoscaleDecisionEvent[];
  /** The apply's status when the cycle applied something, null when nothing was due. */
  readonly applied: ApplyStatus | null;
  readonly diagnostics: Diagnostics;
  /**
   * Resources whose spec differs from what the state last applied, for the instances observed
   * (`autoscale/unapplied-spec`): their instances' changes were held back. Sorted; [] when none.
   */
  readonly unapplied: readonly string[];
}

/** What a cycle's decisions ask the engine to plan (pure). */
export interface AutoscaleChanges {
  /** Instances to plan (only they are touched). */
  readonly targets: readonly string[];
  readonly replace: readonly string[];
  readonly countOverrides: ReadonlyMap<string, number>;
  readonly excludeProviders: Readonly<Record<string, readonly string[]>>;
}

/**
 * One controller cycle: refresh → observe (probe, scrape, decide) → plan and apply just the due
 * changes through the normal engine and state lock → record the history → the decision events.
 * It acts only on configuration that was applied: the due changes of an instance whose spec (as
 * `model` reads it) differs from what the state last applied are held back, and said so
 * ({@link findUnappliedEdits}), both before the apply and again under its lock.
 */
export async function runAutoscaleCycle(input: AutoscaleCycleInput): Promise<AutoscaleCycleResult> {
  const at = input.now();
  const now = at.getTime();
  const stack = input.model.stack;
  const history = await readAutoscaleHistory(input.historyPath, stack);
  const prior = await input.backend.read();
  const refreshed = await input.session.refresh({ stack, prior });
  if (hasErrors(refreshed.diagnostics))
    return { events: [], applied: null, diagnostics: refreshed.diagnostics, unapplied: [] };
  const observed = await input.session.observe({
    state: refreshed.state,
    model: input.model,
    history,
    now,
  });
  const diagnostics: Diagnostic[] = [...observed.diagnostics];
  const held = new Map<string, string[]>();
  for (const d of observed.decisions) {
    const edits = findUnappliedEdits(input.model, refreshed.state, d.resource);
    if (edits.length > 0) held.set(d.resource, edits);
  }
  const due = observed.decisions.filter((d) => isDue(d) && !held.has(d.resource));
  const changes = autoscaleChanges(due, history, now);
  let applied: ApplyStatus | null = null;
  if (changes.targets.length > 0) {
    const res = await applyChanges(input, changes);
    applied = res.status;
    diagnostics.push(...res.diagnostics.filter((d) => d.severity === 'error'));
    // Someone applied between this cycle's look and its lock: hold, as if seen before.
    if (res.status === 'refused' && res.state !== null)
      for (const t of changes.targets) {
        const edits = findUnappliedEdits(input.model, res.state, t);
        if (edits.length > 0) held.set(t, edits);
      }
  }
  const unapplied = [...new Set([...held.values()].flat())].sort();
  if (unapplied.length > 0) diagnostics.push(unappliedSpecWarning(unapplied));
  const ok = applied === 'applied' || applied === 'no-changes';
  const recorded = observed.decisions.map((d) =>
    recordDecision({ d, at, ok, held: held.get(d.resource), due: changes.targets }),
  );
  await writeAutoscaleHistory(input.historyPath, recordAutoscaleCycle(history, recorded, now));
  return { events: recorded.map((r) => r.event), applied, diagnostics, unapplied };
}

const isDue = (d: CycleDecision): boolean => d.replace.length > 0 || d.desired !== d.current;

/** Plans and applies just the due changes, refusing if the state no longer matches the model. */
function applyChanges(input: AutoscaleCycleInput, changes: AutoscaleChanges) {
  return applyStack({
    session: input.session,
    backend: input.backend,
    model: input.model,
    planFile: null,
    mode: 'normal',
    refresh: true,
    targets: changes.targets,
    replace: changes.replace,
    countOverrides: changes.countOverrides,
    excludeProviders: changes.excludeProviders,
    requireAppliedModel: true,
    lock: true,
    lockTimeoutMs: input.lockTimeoutMs,
    version: input.version,
    parallelism: input.parallelism,
    env: input.env,
    // The controller's environment is as old as its process: comparing secrets would undo a
    // rotation that `apply` made since.
    compareSecrets: false,
    signal: input.signal,
    emit: input.emit,
    timeouts: input.timeouts,
    now: input.now,
    confirm: () => Promise.resolve(true),
  });
}

/** What became of one decision: applied, failed, skipped, or held for an unapplied spec. */
function recordDecision(o: {
  readonly d: CycleDecision;
  readonly at: Date;
  readonly ok: boolean;
  readonly held: readonly string[] | undefined;
  readonly due: readonly string[];
}): RecordedDecision {
  const { d, at } = o;
  if (o.held !== undefined && isDue(d)) {
    const event = toAutoscaleEvent(d, at, 'skipped');
    return {
      decision: d,
      event: {
        ...event,
        blockedBy: 'unapplied-spec',
        reasons: [...d.reasons, unappliedReason(o.held)],
      },
      scaled: false,
      replaced: false,
    };
  }
  const due = o.due.includes(d.resource);
  const outcome = !due ? 'skipped' : o.ok ? 'applied' : 'failed';
  return {
    decision: d,
    event: toAutoscaleEvent(d, at, outcome),
    scaled: due && o.ok && d.desired !== d.current,
    replaced: due && d.replace.length > 0,
  };
}

/** The targets, replacements, count overrides and exclusions the decisions call for (pure). */
export function autoscaleChanges(
  decisions: readonly CycleDecision[],
  history: Parameters<typeof activeExclusions>[0],
  now: number,
): AutoscaleChanges {
  const due = decisions.filter(isDue);
  return {
    targets: due.map((d) => d.resource),
    replace: due.flatMap((d) => d.replace.map((r) => r.slot)),
    countOverrides: new Map(
      due.filter((d) => d.desired !== d.current).map((d) => [d.resource, d.desired]),
    ),
    excludeProviders: activeExclusions(history, due, now),
  };
}
