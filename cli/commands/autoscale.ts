import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import { runAutoscale } from '../engine/autoscale-controller.js';
import type { Diagnostics } from '../diag/index.js';
import { hasErrors } from '../diag/index.js';
import { formatAutoscaleEvent } from '../engine/autoscale-event.js';
import { listenAutoscaleSignals } from '../engine/autoscale-signals.js';
import { durationFlag, networkFlags, stackFlags, stateFlags } from '../flags.js';

/**
 * `autoscale --json`: decision events are JSON lines (schemas/cli/autoscale-event.schema.json);
 * this summary is the last line. Exit 1 when the last cycle had errors.
 */
export interface AutoscaleResult {
  readonly type: 'summary';
  readonly stack: string;
  readonly cycles: number;
  readonly diagnostics: Diagnostics;
}

export default class Autoscale extends LeaseholdCommand {
  static override summary = 'Run the controller: health-driven replacement and policy autoscaling.';
  static override description =
    'Each interval: refresh, probe and scrape every replica, decide (health checks and autoscaling policies), and apply just the due change (a replacement, a new replica count) through the same engine and state lock as `apply`, then log the decision. Only one controller acts per stack: a second one waits and says so (with --once it exits 1, autoscale/not-leader). Ctrl-C stops after the current cycle. With --json every decision is a JSON line.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml --interval 5s',
    '<%= config.bin %> <%= command.id %> --once --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    'lock-timeout': stateFlags['lock-timeout'],
    ...networkFlags,
    interval: durationFlag({ summary: 'Time between cycles (e.g. 15s, 1m).', default: 15_000 }),
    once: Flags.boolean({ summary: 'Run one cycle and exit (cron, CI).' }),
    parallelism: Flags.integer({
      summary:
        "At most this many slots at once (default: sized from the plan and the network's limits).",
      min: 1,
    }),
  };

  async run(): Promise<AutoscaleResult> {
    const { flags } = await this.parse(Autoscale);
    const signals = listenAutoscaleSignals((line) => process.stderr.write(line));
    const json = this.jsonEnabled();
    try {
      const res = await runAutoscale({
        file: flags.file,
        app: flags.app,
        statePath: flags.state,
        backendConfig: flags['backend-config'],
        network: flags.network,
        cwd: process.cwd(),
        env: process.env,
        log: (line) => process.stderr.write(`${line}\n`),
        intervalMs: Math.max(1000, flags.interval),
        once: flags.once,
        version: this.config.version,
        lockTimeoutMs: Math.max(flags['lock-timeout'], flags.interval),
        parallelism: flags.parallelism ?? null,
        stop: signals.stop,
        abort: signals.abort,
        onEvent: (e) =>
          process.stdout.write(`${json ? JSON.stringify(e) : formatAutoscaleEvent(e)}\n`),
        onLine: (line) => process.stderr.write(`${line}\n`),
      });
      this.printDiagnostics(res.diagnostics);
      if (hasErrors(res.diagnostics)) process.exitCode = 1;
      const { stack, cycles, diagnostics } = res;
      return { type: 'summary', stack, cycles, diagnostics };
    } finally {
      signals.dispose();
    }
  }

  // JSON lines: the summary is one line after the decision lines.
  protected override logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }
}
