import { LeaseholdError, errorDiag, hasErrors, redact } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import type { Change, Plan } from '../plan/plan-types.js';
import type { ApplySlotResponse, ModelView, ProviderSession } from '../provider-api.js';
import { secretHmacs } from '../state/secret-hmac.js';
import { StateWriter } from '../state/state-writer.js';
import type { StackState, StateBackend } from '../state/state-types.js';
import type { ApplyProgressEvent, SlotOutcome } from './apply-events.js';
import {
  claimState,
  commitResource,
  ensureSecretSalt,
  setOutputs,
  setSlotLeases,
} from './apply-state-mutations.js';
import { buildApplyTasks } from './apply-tasks.js';
import { decideParallelism } from './decide-parallelism.js';
import type { ApplyTask } from './apply-tasks.js';
import { openJournal } from './open-journal.js';
import { readApplySecrets } from './read-apply-secrets.js';
import { resolveOutputs } from './resolve-outputs.js';
import { resourceDependencies } from './resource-graph.js';
import { runTaskGraph } from './run-task-graph.js';

/**
 * How long apply waits for a match, a manifest to be taken, and readiness, and — before planning
 * — for an order a crashed apply left pending in the mempool (milliseconds).
 */
export interface ApplyTimeouts {
  readonly matchMs: number;
  readonly readyMs: number;
  readonly manifestMs: number;
  readonly pendingMs: number;
}

/**
 * The default waits of an apply, each a few dozen blocks of a 2 s chain: 60 s to match, 60 s for the manifest, 120 s to be ready; 60 s for a
 * pending order of an earlier apply.
 */
export const DEFAULT_APPLY_TIMEOUTS: ApplyTimeouts = {
  matchMs: 60_000,
  manifestMs: 60_000,
  readyMs: 120_000,
  pendingMs: 60_000,
};

/** Everything the executor needs; the caller holds the state lock. */
export interface ApplyPlanInput {
  readonly session: ProviderSession;
  readonly backend: StateBackend;
  /** The state the plan was made against, after refresh; the writer starts from it. */
  readonly state: StackState;
  /** True when `state` differs from what is on disk (refresh found something): it is written first. */
  readonly stateChanged: boolean;
  /** The desired model; null under `--destroy`. */
  readonly model: ModelView | null;
  readonly plan: Plan;
  /**
   * At most this many slots at once (`--parallelism`); null: every independent change at once,
   * bounded by the network's declared RPC rate (decide-parallelism.ts).
   */
  readonly parallelism: number | null;
  /** Where secret values are read from, at apply time only. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: in-flight slots finish and record, nothing new starts. */
  readonly signal: AbortSignal;
  readonly emit: (event: ApplyProgressEvent) => void;
  readonly timeouts: ApplyTimeouts;
  /** The clock for journal and event times (injected so tests control it). */
  readonly now: () => Date;
}

/** What apply did: the state as written, each change's outcome, and every problem. */
export interface ApplyPlanResult {
  readonly state: StackState;
  /** One per change that was to do something (no-ops are not listed). */
  readonly outcomes: readonly SlotOutcome[];
  readonly diagnostics: Diagnostics;
  /** True when Ctrl-C stopped it before everything ran. */
  readonly interrupted: boolean;
  /**
   * Set when a state write failed mid-apply: the state with everything since, none of it saved
   * (the edge writes it to errored.state.json). Nothing was sent after the failure.
   */
  readonly unsaved?: StackState | undefined;
  /** Transaction hashes journalled during the run. */
  readonly txHashes?: readonly string[] | undefined;
}

/**
 * The apply executor: secrets from the environment, escrow once, then the plan's
 * graph with parallelism sized from the plan and the network's limits, every record and journal entry through one StateWriter; a
 * resource's attributes are written only when all its changes succeeded, outputs at the end.
 * Nothing is sent when a secret is missing or escrow cannot cover the plan.
 */
export async function applyPlan(input: ApplyPlanInput): Promise<ApplyPlanResult> {
  const tasks = buildApplyTasks({
    changes: input.plan.changes,
    dependencies: dependencyMap(input),
  });
  const notStarted = (diagnostics: Diagnostics): ApplyPlanResult => ({
    state: input.state,
    outcomes: tasks.map((t) => outcome(t.change, 'not-started', [])),
    diagnostics,
    interrupted: input.signal.aborted,
  });
  const secrets = readApplySecrets(input.plan.changes, input.env);
  if (hasErrors(secrets.diagnostics)) return notStarted(secrets.diagnostics);
  if (input.signal.aborted) return notStarted([]);
  if (tasks.length > 0) {
    const escrow = await input.session.ensureEscrow({
      model: input.model,
      changes: tasks.map((t) => t.change),
      emit: input.emit,
      timeouts: input.timeouts,
    });
    if (hasErrors(escrow.diagnostics)) return notStarted(escrow.diagnostics);
  }
  const writer = new StateWriter({ backend: input.backend, initial: input.state });
  // Written up front so what refresh found (adopted leases, resolved journal) is on disk before
  // any transaction; a new state gets its lineage, secret salt and tenant here.
  await writer.mutate((s) => {
    const claimed = claimState(s, input.session.tenant);
    const salted = tasks.length > 0 ? ensureSecretSalt(claimed) : claimed;
    return salted === s && !input.stateChanged ? s : { ...salted };
  });
  const values = {
    values: secrets.secrets,
    hmacs: secretHmacs(writer.state.secretSalt, secrets.secrets),
  };
  const perTask = new Map<number, Diagnostics>();
  const results = await runTaskGraph({
    tasks,
    parallelism: parallelismOf(input, tasks.length),
    signal: input.signal,
    run: async (task) => {
      const diags = await runSlot(input, writer, task.change, values);
      perTask.set(task.id, diags);
      return !hasErrors(diags);
    },
  });
  const outcomes = tasks.map((t) =>
    outcome(t.change, results.get(t.id) ?? 'not-started', perTask.get(t.id) ?? []),
  );
  // After a failed write these still run, in memory only, so the unsaved state is complete.
  const outputs = (s: StackState): StackState => setOutputs(s, resolveOutputs(input.model, s));
  await commitResources(input, writer, tasks, outcomes);
  await writer.mutate(outputs).catch((err: unknown) => keepGoing(writer, err));
  const unsaved = writer.unsaved;
  return {
    state: writer.state,
    ...(unsaved === null ? {} : { unsaved }),
    txHashes: writer.txHashes,
    outcomes,
    diagnostics: outcomes.flatMap((o) => o.diagnostics),
    // A slot stopped by the provider at a safe point reports `apply/interrupted` as a failure;
    // either way, an abort that left something undone is an interrupt (exit 130), not an error.
    interrupted: input.signal.aborted && outcomes.some((o) => o.status !== 'done'),
  };
}

function parallelismOf(input: ApplyPlanInput, tasks: number): number {
  return decideParallelism({
    tasks,
    cap: input.parallelism,
    rpcRequestsPerSecond: input.session.limits?.rpcRequestsPerSecond ?? null,
    blockMs: input.session.network.blockTime.ms,
  });
}

function outcome(change: Change, status: SlotOutcome['status'], d: Diagnostics): SlotOutcome {
  return { address: change.address, action: change.action, status, diagnostics: d };
}

/** Resource → the resources it refers to, read from the model, else from the state. */
function dependencyMap(input: ApplyPlanInput): Map<string, readonly string[]> {
  const map = new Map<string, readonly string[]>();
  for (const r of input.state.resources) map.set(r.address, resourceDependencies(r.attributes));
  for (const r of input.model?.resources ?? [])
    map.set(r.address, resourceDependencies(r.attributes));
  return map;
}

/** Runs one slot through the provider; returns its diagnostics (errors mean it failed). */
async function runSlot(
  input: ApplyPlanInput,
  writer: StateWriter,
  change: Change,
  secrets: {
    readonly values: ReadonlyMap<string, string>;
    readonly hmacs: ReadonlyMap<string, string>;
  },
): Promise<Diagnostics> {
  const at = (): string => input.now().toISOString();
  input.emit({ type: 'slot-started', address: change.address, at: at(), action: change.action });
  let diagnostics: Diagnostics;
  try {
    const res: ApplySlotResponse = await input.session.applySlot({
      change,
      prior: writer.state.resources.find((r) => r.address === change.resource) ?? null,
      model: input.model,
      secrets: secrets.values,
      secretHmacs: secrets.hmacs,
      recordLeases: async (leases) => {
        await writer.mutate((s) => setSlotLeases(s, change, leases));
      },
      journal: (entry) => openJournal(writer, entry, input.now),
      emit: input.emit,
      signal: input.signal,
      timeouts: input.timeouts,
    });
    // The provider records as it goes; its last-known records are written again so that a
    // lease it reported is never dropped (STYLE §10).
    await writer.mutate((s) => {
      const next = setSlotLeases(s, change, res.leases);
      return JSON.stringify(next) === JSON.stringify(s) ? s : next;
    });
    diagnostics = res.diagnostics.map((d) => ({ ...d, address: d.address ?? change.address }));
  } catch (err) {
    diagnostics = [thrownDiagnostic(err, change.address)];
  }
  const base = { address: change.address, at: at(), action: change.action };
  input.emit(
    hasErrors(diagnostics)
      ? { ...base, type: 'slot-failed', diagnostics }
      : { ...base, type: 'slot-done' },
  );
  return diagnostics;
}

function thrownDiagnostic(err: unknown, address: string): Diagnostic {
  if (err instanceof LeaseholdError) {
    const [first] = err.toDiagnostics();
    if (first !== undefined) return { ...first, address: first.address ?? address };
  }
  return errorDiag({
    code: 'apply/slot-failed',
    summary: 'Applying a slot failed unexpectedly',
    detail: `${address}: ${redact(err instanceof Error ? err.message : String(err))}`,
    hint: 'Run apply again: it resumes from what the chain says.',
    address,
  });
}

/** Writes the attributes of every resource all of whose planned changes succeeded. */
async function commitResources(
  input: ApplyPlanInput,
  writer: StateWriter,
  tasks: readonly ApplyTask[],
  outcomes: readonly SlotOutcome[],
): Promise<void> {
  const failed = new Set(
    tasks.filter((_, i) => outcomes[i]?.status !== 'done').map((t) => t.change.resource),
  );
  const touched = [...new Set(input.plan.changes.map((c) => c.resource))];
  for (const address of touched.filter((a) => !failed.has(a))) {
    const desired = input.model?.resources.find((r) => r.address === address) ?? null;
    await writer
      .mutate((s) => commitResource(s, address, desired))
      .catch((err: unknown) => {
        // After a failed write, keep recording in memory (the unsaved state) and go on.
        if (writer.writeFailure === null) throw err;
      });
  }
}

/** After a failed write, mutations go on in memory (the unsaved state); any other error throws. */
function keepGoing(writer: StateWriter, err: unknown): void {
  if (writer.writeFailure === null) throw err;
}
