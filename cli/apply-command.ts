import { setMaxListeners } from 'node:events';
import { createInterface } from 'node:readline/promises';
import { Flags } from '@oclif/core';
import type { Diagnostic, Diagnostics } from './diag/index.js';
import { decideApproval } from './engine/decide-approval.js';
import { runApply } from './engine/run-apply.js';
import type { RunApplyRequest } from './engine/run-apply.js';
import type { Plan } from './plan/plan-types.js';
import { planFlags, refreshMode } from './plan/plan-flags.js';
import { networkFlags, stackFlags, stateFlags } from './flags.js';
import { createApplyProgress } from './render/render-apply-progress.js';
import { toApplySummaryLine } from './render/render-apply-json.js';
import type { ApplySummaryLine } from './render/render-apply-json.js';
import { renderApplySummary } from './render/render-apply-summary.js';
import { renderPlanHuman } from './render/render-plan-human.js';
import { styleFor } from './render/style.js';

/** Flags shared by `apply` and `destroy` (a contract: STYLE §17). */
export const applyFlags = {
  ...stackFlags,
  ...stateFlags,
  ...networkFlags,
  target: planFlags.target,
  replace: planFlags.replace,
  refresh: planFlags.refresh,
  'auto-approve': Flags.boolean({
    summary: 'Apply without asking (required without a terminal, and with --json).',
  }),
  parallelism: Flags.integer({
    summary: 'At most this many slots at once.',
    description:
      "Default: every independent change at once, bounded by the network's declared RPC rate limit (LEASEHOLD_RPC_RATE_LIMIT) and per-provider manifest limit.",
    min: 1,
  }),
};

/** What the `apply` and `destroy` commands hand over after parsing. */
export interface ApplyCommandInput {
  readonly command: 'apply' | 'destroy';
  readonly planFile?: string | undefined;
  readonly flags: {
    readonly file?: string | undefined;
    readonly app?: string | undefined;
    readonly state?: string | undefined;
    readonly 'backend-config'?: string[] | undefined;
    readonly network?: string | undefined;
    readonly target?: string[] | undefined;
    readonly replace?: string[] | undefined;
    readonly refresh: 'true' | 'false' | 'chain';
    readonly lock: boolean;
    readonly 'lock-timeout': number;
    readonly 'auto-approve': boolean;
    readonly parallelism?: number | undefined;
    /** `apply` only. */
    readonly 'allow-unmatched'?: boolean | undefined;
  };
  readonly json: boolean;
  readonly version: string;
  /** Prints diagnostics in the user's form; `fail` exits 1 with them. */
  readonly printDiagnostics: (d: Diagnostics) => void;
  readonly fail: (d: Diagnostics) => never;
}

/**
 * The shared body of `apply` and `destroy`: approval rule, plan shown before the prompt, progress
 * in the right form, Ctrl-C → finish in flight and exit 130, closing summary, exit 1 on failure.
 */
export async function runApplyCommand(input: ApplyCommandInput): Promise<ApplySummaryLine> {
  const { flags } = input;
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const decision = decideApproval({
    autoApprove: flags['auto-approve'],
    savedPlan: input.planFile !== undefined,
    interactive,
    json: input.json,
    command: input.command,
  });
  if (decision.kind === 'refuse') input.fail([decision.diagnostic]);
  const interrupt = abortOnSigint();
  const progress = createApplyProgress({
    stream: process.stdout,
    env: process.env,
    json: input.json,
  });
  const request: RunApplyRequest = {
    file: flags.file,
    app: flags.app,
    statePath: flags.state,
    backendConfig: flags['backend-config'],
    network: flags.network,
    cwd: process.cwd(),
    env: process.env,
    log: (line) => process.stderr.write(`${line}\n`),
    planFile: input.planFile,
    mode: input.command === 'destroy' ? 'destroy' : 'normal',
    refresh: refreshMode(flags.refresh),
    targets: flags.target ?? [],
    replace: flags.replace ?? [],
    lock: flags.lock,
    lockTimeoutMs: flags['lock-timeout'],
    version: input.version,
    parallelism: flags.parallelism ?? null,
    allowUnmatched: flags['allow-unmatched'],
    signal: interrupt.signal,
    emit: progress.emit,
    confirm: (plan) => confirmPlan(plan, { json: input.json, prompt: decision.kind === 'prompt' }),
  };
  let res;
  try {
    res = await runApply(request);
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  if (!input.json) {
    process.stdout.write(
      `\n${renderApplySummary({ ...res, command: input.command }, styleFor(process.stdout, process.env))}\n`,
    );
    input.printDiagnostics(res.diagnostics.filter(isShown));
  }
  process.exitCode = exitCodeOf(res.status);
  return toApplySummaryLine(res);
}

/** Ctrl-C finishes the steps in flight, then stops: the signal every slot of the apply watches. */
function abortOnSigint(): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController();
  // Every slot in flight listens to it, and slots now all run at once: no 10-listener warning.
  setMaxListeners(0, controller.signal);
  const onSigint = (): void => {
    process.stderr.write('\nInterrupt received: finishing the steps in flight, then stopping…\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
}

const isShown = (d: Diagnostic): boolean => d.severity === 'error' || d.severity === 'warning';

/** 0 applied or nothing to do, 130 interrupted, 1 otherwise (failed, refused, cancelled). */
export function exitCodeOf(status: ApplySummaryLine['status']): number {
  if (status === 'applied' || status === 'no-changes') return 0;
  return status === 'interrupted' ? 130 : 1;
}

async function confirmPlan(plan: Plan, opts: { json: boolean; prompt: boolean }): Promise<boolean> {
  if (!opts.json)
    process.stdout.write(`${renderPlanHuman(plan, styleFor(process.stdout, process.env))}\n`);
  if (!opts.prompt) return true;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const verb = plan.mode === 'destroy' ? 'destroy all resources' : 'perform these actions';
    process.stdout.write(
      `\nDo you want to ${verb}?\n  Only 'yes' will be accepted to approve.\n\n`,
    );
    return (await rl.question('  Enter a value: ')).trim() === 'yes';
  } finally {
    rl.close();
  }
}
