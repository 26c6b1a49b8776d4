import { dirname, join, resolve } from 'node:path';
import { LeaseholdError, redact } from '../diag/index.js';
import type { Diagnostic, Diagnostics } from '../diag/index.js';
import type { AutoscaleDecisionEvent } from '../provider-api.js';
import type { ApplyProgressEvent } from './apply-events.js';
import { DEFAULT_APPLY_TIMEOUTS } from './apply-plan.js';
import type { ApplyTimeouts } from './apply-plan.js';
import { runAutoscaleCycle } from './autoscale-cycle.js';
import { autoscalePaths } from './autoscale-history.js';
import { logActivity } from '../state/activity.js';
import { acquireLeadership } from './autoscale-leadership.js';
import type { Leadership } from './autoscale-leadership.js';
import { reloadStackModel } from './load-stack-model.js';
import { openStack } from './open-stack.js';
import type { OpenStack, OpenStackRequest } from './open-stack.js';

/** `leasehold autoscale` as typed options. */
export interface RunAutoscaleRequest extends Omit<OpenStackRequest, 'signer'> {
  /** Time between cycle starts (ms). */
  readonly intervalMs: number;
  /** One cycle, then exit (cron, CI); a held leader lock is then an error. */
  readonly once: boolean;
  /** Stop after this many cycles (tests); unbounded when absent. */
  readonly maxCycles?: number | undefined;
  readonly version: string;
  readonly lockTimeoutMs: number;
  /** At most this many slots at once; null: sized from the plan and the network's limits. */
  readonly parallelism: number | null;
  /** Aborted (first Ctrl-C): stop after the current cycle. */
  readonly stop: AbortSignal;
  /** Aborted (second Ctrl-C): abort an apply in flight at its next safe point. */
  readonly abort: AbortSignal;
  readonly onEvent: (event: AutoscaleDecisionEvent) => void;
  /** Human lines: waiting for the leader, a failed cycle. */
  readonly onLine: (line: string) => void;
  readonly onApplyEvent?: ((event: ApplyProgressEvent) => void) | undefined;
  readonly timeouts?: Partial<ApplyTimeouts> | undefined;
  readonly now?: (() => Date) | undefined;
}

/** How a controller run ended. */
export interface RunAutoscaleResult {
  readonly stack: string;
  readonly cycles: number;
  /** The last cycle's decisions. */
  readonly events: readonly AutoscaleDecisionEvent[];
  /** The last cycle's problems. */
  readonly diagnostics: Diagnostics;
}

/**
 * The controller: takes the stack's leader lock (waiting, and saying so, while another live
 * controller holds it), then runs a cycle every interval until stopped, and releases the lock.
 */
export async function runAutoscale(req: RunAutoscaleRequest): Promise<RunAutoscaleResult> {
  const stack = await openStack({ ...req, signer: 'sign' });
  try {
    // Beside the local state; with a shared backend, in .leasehold/ beside the spec.
    const local =
      stack.backend.kind === 'pg'
        ? join(
            dirname(resolve(req.cwd, stack.file)),
            '.leasehold',
            `${stack.model.stack}.state.json`,
          )
        : stack.backend.location;
    const paths = autoscalePaths(local, stack.model.stack);
    let total: RunAutoscaleResult = {
      stack: stack.model.stack,
      cycles: 0,
      events: [],
      diagnostics: [],
    };
    for (;;) {
      const lead = await acquireLeadership({
        backend: stack.backend,
        stack: stack.model.stack,
        leaderPath: paths.leader,
        version: req.version,
        once: req.once,
        intervalMs: req.intervalMs,
        stop: req.stop,
        onLine: req.onLine,
        sleep,
      });
      if (lead === null) return total;
      let res: RunAutoscaleResult & { lost: boolean };
      try {
        res = await cycles(req, stack, paths.history, lead, total.cycles);
      } finally {
        await lead.release();
      }
      total = { ...res, cycles: res.cycles };
      if (!res.lost) return total;
      req.onLine(
        `Lost the leadership of stack ${stack.model.stack} (its connection died); bidding again…`,
      );
    }
  } finally {
    await stack.session.close();
    await stack.backend.close?.();
  }
}

async function cycles(
  req: RunAutoscaleRequest,
  stack: OpenStack,
  historyPath: string,
  lead: Leadership,
  done: number,
): Promise<RunAutoscaleResult & { lost: boolean }> {
  const now = req.now ?? (() => new Date());
  let count = done;
  let events: readonly AutoscaleDecisionEvent[] = [];
  let diagnostics: Diagnostics = [];
  const episode = { unapplied: '' };
  for (;;) {
    const started = Date.now();
    // Never act without the leadership: a leader whose connection died may have a successor.
    if (!(await lead.alive()))
      return { stack: stack.model.stack, cycles: count, events, diagnostics, lost: true };
    try {
      // The spec is read anew each cycle (the first uses the one just loaded), so an `apply` made
      // while the controller runs is what it acts on next, never reverted to what it started with.
      const model = count === 0 ? stack.model : await reloadStackModel(req, stack.model.stack);
      const res = await runAutoscaleCycle({
        session: stack.session,
        backend: stack.backend,
        model,
        historyPath,
        version: req.version,
        lockTimeoutMs: req.lockTimeoutMs,
        parallelism: req.parallelism,
        env: req.env,
        signal: req.abort,
        emit: req.onApplyEvent ?? (() => undefined),
        timeouts: { ...DEFAULT_APPLY_TIMEOUTS, ...req.timeouts },
        now,
      });
      events = res.events;
      diagnostics = res.diagnostics;
      sayUnapplied(req, episode, res.unapplied);
      res.events.forEach((e) => req.onEvent(e));
      await logDecisions(stack, res.events, req.env, now());
    } catch (err) {
      // A long-running controller survives a bad cycle (RPC down, provider gone); --once reports it.
      if (req.once || !(err instanceof Error)) throw err;
      diagnostics = [cycleFailed(err)];
      req.onLine(`Cycle failed: ${diagnostics[0]?.detail ?? err.message}`);
    }
    count += 1;
    if (req.once || (req.maxCycles !== undefined && count >= req.maxCycles) || req.stop.aborted)
      break;
    if (!(await sleep(Math.max(0, req.intervalMs - (Date.now() - started)), req.stop))) break;
  }
  return { stack: stack.model.stack, cycles: count, events, diagnostics, lost: false };
}

/** Each decision that acts (scale, replace, alert) goes to the activity log. */
async function logDecisions(
  stack: OpenStack,
  events: readonly AutoscaleDecisionEvent[],
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
): Promise<void> {
  for (const e of events.filter((x) => x.action !== 'none')) {
    const outcome = e.outcome === undefined ? '' : ` (${e.outcome})`;
    const held = e.blockedBy === null ? '' : `, held by ${e.blockedBy}`;
    const summary = `${e.action} ${e.resource}: ${e.current} → ${e.desired}${outcome}${held}`;
    const entry = {
      stack: stack.model.stack,
      command: 'autoscale',
      summary,
      resources: [e.resource],
      txHashes: [],
    };
    await logActivity({ backend: stack.backend, env, now, entry });
  }
}

/** Says once per episode that the spec differs from the last apply, and when they agree again. */
function sayUnapplied(
  req: RunAutoscaleRequest,
  episode: { unapplied: string },
  unapplied: readonly string[],
): void {
  const now = unapplied.join(', ');
  if (now === episode.unapplied) return;
  if (now !== '')
    req.onLine(
      `The spec differs from the last apply (${now}): scaling and replacement of the instances concerned are held until it is applied (\`leasehold plan\`, then \`leasehold apply\`).`,
    );
  else
    req.onLine(`The spec and the last apply agree again (${episode.unapplied}): acting on them.`);
  episode.unapplied = now;
}

function cycleFailed(err: Error): Diagnostic {
  const d = err instanceof LeaseholdError ? err.toDiagnostics()[0] : undefined;
  return (
    d ?? {
      severity: 'error',
      code: 'autoscale/cycle-failed',
      summary: 'Autoscale cycle failed',
      detail: redact(err.message),
      hint: 'Check the network and the providers; the controller retries next interval.',
    }
  );
}

/** Resolves true after `ms`, or false as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (v: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}
