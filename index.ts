/**
 * The library surface: `import { plan, apply, destroy } from 'leasehold'`. A thin, typed layer
 * over the same engine the CLI runs: no process.exit, nothing printed unless `log`/`onEvent` are
 * given, problems as Diagnostics (returned) or LeaseholdError (thrown on operational failure).
 */
import { readFileSync } from 'node:fs';
import { LeaseholdError } from './cli/diag/index.js';
import type { ApplyProgressEvent } from './cli/engine/apply-events.js';
import type { ApplyTimeouts } from './cli/engine/apply-plan.js';
import { decideApproval } from './cli/engine/decide-approval.js';
import { runApply } from './cli/engine/run-apply.js';
import type { RunApplyResult } from './cli/engine/run-apply.js';
import { runPlan } from './cli/engine/run-plan.js';
import type { RunPlanResult } from './cli/engine/run-plan.js';
import type { Plan } from './cli/plan/plan-types.js';

export type { Diagnostic, Diagnostics, SourceRange } from './cli/diag/index.js';
export { DiagnosticsError, LeaseholdError } from './cli/diag/index.js';
export type { ModelView, Provider, ApplyEvent, LeaseStatusView } from './cli/provider-api.js';
export { loadProvider } from './cli/providers.js';
export type { Action, Change, Plan, CostSummary, DriftEntry } from './cli/plan/plan-types.js';
export type { StackState, OutputState, LeaseRecord } from './cli/state/state-types.js';
export type { ApplyProgressEvent, SlotOutcome } from './cli/engine/apply-events.js';
export type { ApplyStatus } from './cli/engine/apply-stack.js';
export type { ApplyTimeouts } from './cli/engine/apply-plan.js';
export type { RunApplyResult as ApplyResult } from './cli/engine/run-apply.js';
export type { RunPlanResult as PlanResult } from './cli/engine/run-plan.js';

/** Where the stack is and how to reach its state and network. All optional. */
export interface StackOptions {
  /** Spec file or cdktf.json; default `leasehold.yaml` in `cwd`. */
  readonly file?: string | undefined;
  /** CDK app command. */
  readonly app?: string | undefined;
  /** Default `process.cwd()`. */
  readonly cwd?: string | undefined;
  /** State file; default `.leasehold/<stack>.state.json` beside the spec. */
  readonly statePath?: string | undefined;
  /** Network name; default the spec's (`local`, the devnet, started when not running). */
  readonly network?: string | undefined;
  /** Environment for keys, secrets and overrides; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Progress lines for humans (devnet start, …); default silent. */
  readonly log?: ((line: string) => void) | undefined;
  /** Take the state lock; default true. */
  readonly lock?: boolean | undefined;
  /** How long to wait for the lock, milliseconds; default 0 (fail at once naming the holder). */
  readonly lockTimeoutMs?: number | undefined;
  readonly targets?: readonly string[] | undefined;
  readonly replace?: readonly string[] | undefined;
  /** Read the chain first; default true. */
  readonly refresh?: boolean | undefined;
}

/** `plan`: also `destroy` mode and a file to save the plan to. */
export interface PlanOptions extends StackOptions {
  readonly destroy?: boolean | undefined;
  /** Save the plan (as `plan --out`) for a later `apply({ planFile })`. */
  readonly out?: string | undefined;
}

/** `apply` and `destroy`: approval, parallelism, progress and cancellation. */
export interface ApplyOptions extends StackOptions {
  /** A saved plan to apply as it is (refused when stale). */
  readonly planFile?: string | undefined;
  /** Apply the fresh plan without asking. One of this, `confirm` or `planFile` is required. */
  readonly autoApprove?: boolean | undefined;
  /** Decide on the fresh plan; resolve true to apply it. */
  readonly confirm?: ((plan: Plan) => Promise<boolean>) | undefined;
  /** Slots applied at once; default 10. */
  readonly parallelism?: number | undefined;
  /** Every progress event (schemas/cli/apply-event.schema.json). */
  readonly onEvent?: ((event: ApplyProgressEvent) => void) | undefined;
  /** Abort to stop: in-flight steps finish and are recorded, nothing new starts. */
  readonly signal?: AbortSignal | undefined;
  readonly timeouts?: Partial<ApplyTimeouts> | undefined;
}

function base(opts: StackOptions) {
  return {
    file: opts.file,
    app: opts.app,
    statePath: opts.statePath,
    network: opts.network,
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env ?? process.env,
    log: opts.log ?? (() => undefined),
    refresh: opts.refresh ?? true,
    targets: opts.targets ?? [],
    replace: opts.replace ?? [],
    lock: opts.lock ?? true,
    lockTimeoutMs: opts.lockTimeoutMs ?? 0,
    version: VERSION,
  };
}

/**
 * Plans a stack: what apply would change and what it would cost. Writes nothing but `out`.
 * @example
 * const { plan: p, diagnostics } = await plan({ file: 'leasehold.yaml' });
 * console.log(p.applyable ? `${p.changes.length} changes` : 'up to date', diagnostics);
 */
export function plan(opts: PlanOptions = {}): Promise<RunPlanResult> {
  return runPlan({
    ...base(opts),
    mode: opts.destroy === true ? 'destroy' : 'normal',
    out: opts.out,
    now: new Date(),
  });
}

/**
 * Applies a stack (a fresh plan, or a saved one): orders, leases, manifests, readiness.
 * @example
 * const res = await apply({ file: 'examples/hello.yaml', autoApprove: true, onEvent: console.log });
 * if (res.status !== 'applied') throw new Error(res.diagnostics.map((d) => d.summary).join('; '));
 * console.log(res.outputs['url']?.value);
 */
export function apply(opts: ApplyOptions = {}): Promise<RunApplyResult> {
  return applyOrDestroy(opts, 'apply');
}

/**
 * Closes every lease of a stack (`plan --destroy` then apply).
 * @example
 * const res = await destroy({ file: 'examples/hello.yaml', autoApprove: true });
 * console.log(res.status); // 'applied' once every lease is closed
 */
export function destroy(opts: Omit<ApplyOptions, 'planFile'> = {}): Promise<RunApplyResult> {
  return applyOrDestroy(opts, 'destroy');
}

async function applyOrDestroy(
  opts: ApplyOptions,
  command: 'apply' | 'destroy',
): Promise<RunApplyResult> {
  const decision = decideApproval({
    autoApprove: opts.autoApprove === true || opts.confirm !== undefined,
    savedPlan: opts.planFile !== undefined,
    interactive: false,
    json: false,
    command,
  });
  if (decision.kind === 'refuse') {
    const d = decision.diagnostic;
    throw new LeaseholdError({ code: d.code, summary: d.summary, detail: d.detail, hint: d.hint });
  }
  return runApply({
    ...base(opts),
    planFile: command === 'apply' ? opts.planFile : undefined,
    mode: command === 'destroy' ? 'destroy' : 'normal',
    parallelism: opts.parallelism ?? null,
    signal: opts.signal ?? new AbortController().signal,
    emit: opts.onEvent ?? (() => undefined),
    confirm: opts.confirm ?? (async () => true),
    timeouts: opts.timeouts,
  });
}

const VERSION = readVersion();

function readVersion(): string {
  // index.ts runs from the package root (sources) or from dist/ (built).
  for (const rel of ['./package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'leasehold' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Try the next place.
    }
  }
  return '0.0.0';
}
