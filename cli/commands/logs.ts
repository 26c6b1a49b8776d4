import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import type { Diagnostics } from '../diag/index.js';
import { hasErrors } from '../diag/index.js';
import { runLogs } from '../engine/run-logs.js';
import { networkFlags, stackFlags, stateFlags } from '../flags.js';

/** `logs --json`: the lines are JSON lines `{replica, message}`; then this. */
export interface LogsResult {
  readonly diagnostics: Diagnostics;
}

export default class Logs extends LeaseholdCommand {
  static override summary = "Print the logs of an instance's replicas.";
  static override description =
    'ADDRESS is an instance (`instance.web`) or one slot (`instance.web[0]`). Each line is prefixed with its replica. With --follow, streams until Ctrl-C.';
  static override examples = [
    '<%= config.bin %> <%= command.id %> instance.web',
    "<%= config.bin %> <%= command.id %> 'instance.web[0]' --tail 20 --follow",
    '<%= config.bin %> <%= command.id %> instance.web --events',
  ];
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      required: true,
      description: 'Instance or slot address.',
    }),
  };
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    ...networkFlags,
    tail: Flags.integer({
      summary: 'Lines to show from the end of each log.',
      default: 100,
      min: 0,
    }),
    // No short form: `-f` is the spec file in every command, and `-F` beside it invites the slip.
    follow: Flags.boolean({ summary: 'Keep streaming new lines until Ctrl-C.' }),
    events: Flags.boolean({ summary: "Show the lease's events (scheduling, pulls, restarts)." }),
    startup: Flags.boolean({ summary: 'Show start-up logs (fizz providers).' }),
  };

  async run(): Promise<LogsResult> {
    const { args, flags } = await this.parse(Logs);
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    const json = this.jsonEnabled();
    try {
      const res = await runLogs({
        file: flags.file,
        app: flags.app,
        statePath: flags.state,
        backendConfig: flags['backend-config'],
        network: flags.network,
        cwd: process.cwd(),
        env: process.env,
        log: (line) => process.stderr.write(`${line}\n`),
        address: args.address,
        tail: flags.tail,
        follow: flags.follow,
        events: flags.events,
        startup: flags.startup,
        signal: controller.signal,
        onLine: (l) =>
          process.stdout.write(json ? `${JSON.stringify(l)}\n` : `${l.replica} | ${l.message}\n`),
      });
      if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
      this.printDiagnostics(res.diagnostics);
      return res;
    } finally {
      process.off('SIGINT', stop);
    }
  }

  protected override logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }
}
