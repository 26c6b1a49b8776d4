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
  activeExclusions,
  readAutoscaleHistory,
  recordAutoscaleCycle,
  writeAutoscaleHistory,
} from './autoscale-history.js';
import type { RecordedDecision } from './autoscale-history.js';

/** Everything one controller cycle needs; the controller loop builds it once. */
export interface AutoscaleCycleInput {
  readonly session: ProviderSession;
  readonly backend: StateBackend;
  readonly model: ModelView;
  /** `<state dir>/<stack>.autoscale.json`. */
  readonly historyPath: string;
  readonly version: string;
  /** How long an apply waits for the state lock (a human's `apply` may hold it). */
  readonly lockTimeoutMs: number;
  readonly parallelism: number;
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
 */
export async function runAutoscaleCycle(input: AutoscaleCycleInput): Promise<AutoscaleCycleResult> {
  const at = input.now();
  const now = at.getTime();
  const stack = input.model.stack;
  const history = await readAutoscaleHistory(input.historyPath, stack);
  const prior = await input.backend.read();
  const refreshed = await input.session.refresh({ stack, prior });
  if (hasErrors(refreshed.diagnostics))
    return { events: [], applied: null, diagnostics: refreshed.diagnostics };
  const observed = await input.session.observe({
    state: refreshed.state,
    model: input.model,
    history,
    now,
  });
  const diagnostics: Diagnostic[] = [...observed.diagnostics];
  const changes = autoscaleChanges(observed.decisions, history, now);
  let applied: ApplyStatus | null = null;
  if (changes.targets.length > 0) {
    const res = await applyStack({
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
      lock: true,
      lockTimeoutMs: input.lockTimeoutMs,
      version: input.version,
      parallelism: input.parallelism,
      env: input.env,
      compareSecrets: false,
      signal: input.signal,
      emit: input.emit,
      timeouts: input.timeouts,
      now: input.now,
      confirm: () => Promise.resolve(true),
    });
    applied = res.status;
    diagnostics.push(...res.diagnostics.filter((d) => d.severity === 'error'));
  }
  const ok = applied === 'applied' || applied === 'no-changes';
  const recorded = observed.decisions.map((d): RecordedDecision => {
    const due = changes.targets.includes(d.resource);
    const outcome = !due ? 'skipped' : ok ? 'applied' : 'failed';
    return {
      decision: d,
      event: toAutoscaleEvent(d, at, outcome),
      scaled: due && ok && d.desired !== d.current,
      replaced: due && d.replace.length > 0,
    };
  });
  await writeAutoscaleHistory(input.historyPath, recordAutoscaleCycle(history, recorded, now));
  return { events: recorded.map((r) => r.event), applied, diagnostics };
}

/** The targets, replacements, count overrides and exclusions the decisions call for (pure). */
export function autoscaleChanges(
  decisions: readonly CycleDecision[],
  history: Parameters<typeof activeExclusions>[0],
  now: number,
): AutoscaleChanges {
  const due = decisions.filter((d) => d.replace.length > 0 || d.desired !== d.current);
  return {
    targets: due.map((d) => d.resource),
    replace: due.flatMap((d) => d.replace.map((r) => r.slot)),
    countOverrides: new Map(
      due.filter((d) => d.desired !== d.current).map((d) => [d.resource, d.desired]),
    ),
    excludeProviders: activeExclusions(history, due, now),
  };
}
