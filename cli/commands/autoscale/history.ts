import { Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { readAutoscaleHistoryView } from '../../engine/autoscale-history-view.js';
import type { AutoscaleHistoryResult } from '../../engine/autoscale-history-view.js';
import { stackFlags, stateFlags } from '../../flags.js';
import { renderAutoscaleHistory } from '../../render/render-autoscale-history.js';
import { styleFor } from '../../render/style.js';

/** `autoscale history --json`: the recent decisions, oldest first. */
export type AutoscaleHistoryCommandResult = AutoscaleHistoryResult;

export default class AutoscaleHistory extends LeaseholdCommand {
  static override summary =
    "Show the controller's recent decisions and a chart of replicas against the metric.";
  static override description =
    'Reads <state dir>/<stack>.autoscale.json (written by `leasehold autoscale`); no network. The chart has one column per decision, the newest on the right: Unicode on a terminal, ASCII otherwise.';
  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> -f examples/web.yaml --limit 20',
    '<%= config.bin %> <%= command.id %> --json',
  ];
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    'backend-config': stateFlags['backend-config'],
    limit: Flags.integer({ summary: 'How many recent decisions to show.', default: 50, min: 1 }),
  };

  async run(): Promise<AutoscaleHistoryCommandResult> {
    const { flags } = await this.parse(AutoscaleHistory);
    const res = await readAutoscaleHistoryView({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      backendConfig: flags['backend-config'],
      cwd: process.cwd(),
      limit: flags.limit,
    });
    if (!this.jsonEnabled()) {
      const tty = process.stdout.isTTY === true;
      this.log(
        renderAutoscaleHistory(res.decisions, {
          style: styleFor(process.stdout, process.env),
          unicode: tty && process.env['CI'] !== 'true',
        }),
      );
    }
    return res;
  }
}
