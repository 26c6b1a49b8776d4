import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../base-command.js';
import type { Diagnostics } from '../diag/index.js';
import { hasErrors } from '../diag/index.js';
import { systemClock } from '../../common/index.js';
import { runStatus } from '../engine/run-status.js';
import type { RunStatusResult } from '../engine/run-status.js';
import { networkFlags, stackFlags, stateFlags } from '../flags.js';
import type { LeaseStatusView, OpenOrderView } from '../provider-api.js';
import { abortOnCtrlC, watchLoop } from '../engine/watch-loop.js';
import { renderStatus } from '../render/render-status.js';
import { renderWatchFrame } from '../render/render-watch-frame.js';
import { styleFor } from '../render/style.js';

/** `status --json` (schemas/cli/status.schema.json); with --watch, one line per refresh. */
export interface StatusResult {
  readonly stack: string;
  readonly leases: readonly LeaseStatusView[];
  readonly openOrders: readonly OpenOrderView[];
  readonly diagnostics: Diagnostics;
}

export default class Status extends LeaseholdCommand {
  static override summary =
    'Show every lease of the stack: provider, price, readiness, endpoints, runway.';
  static override description =
    "Reads the state and asks each lease's provider for its live status. Writes nothing. With --watch, refreshes every --interval until Ctrl-C.";
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml --watch',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    ...networkFlags,
    watch: Flags.boolean({ summary: 'Refresh until Ctrl-C.' }),
    interval: Flags.integer({
      summary: 'Seconds between refreshes with --watch.',
      default: 5,
      min: 1,
    }),
  };

  async run(): Promise<StatusResult> {
    const { flags } = await this.parse(Status);
    const request = {
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      network: flags.network,
      cwd: process.cwd(),
      env: process.env,
      log: (line: string) => process.stderr.write(`${line}\n`),
    };
    if (flags.watch) {
      let last: RunStatusResult | null = null;
      await watchLoop({
        clock: systemClock,
        intervalMs: flags.interval * 1000,
        read: () => runStatus(request),
        show: (res, at) => {
          last = res;
          this.showFrame(res, at);
        },
        signal: abortOnCtrlC(),
      });
      return last ?? (await runStatus(request));
    }
    const res = await runStatus(request);
    if (hasErrors(res.diagnostics)) this.fail(res.diagnostics);
    this.log(renderStatus(res.leases, styleFor(process.stdout, process.env), res.openOrders));
    this.printDiagnostics(res.diagnostics);
    return res;
  }

  private showFrame(res: RunStatusResult, at: number): void {
    if (this.jsonEnabled()) return void process.stdout.write(`${JSON.stringify(res)}\n`);
    const body = renderStatus(res.leases, styleFor(process.stdout, process.env), res.openOrders);
    process.stdout.write(renderWatchFrame(body, { tty: process.stdout.isTTY === true, at }));
    this.printDiagnostics(res.diagnostics);
  }
}
