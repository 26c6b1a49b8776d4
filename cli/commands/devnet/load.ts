import { Args, Flags } from '@oclif/core';
import { LeaseholdCommand } from '../../base-command.js';
import { hasErrors } from '../../diag/index.js';
import { loadDevnet } from '../../devnet.js';
import { durationFlag, stackFlags, stateFlags } from '../../flags.js';
import { selectLoadTargets } from '../../engine/select-load-targets.js';
import { openStateBackend } from '../../state/index.js';
import type { LoadReport } from '../../../devnet/index.js';

/** `devnet load --json`: sent / ok / errors / latency percentiles (schemas/cli/devnet-load.schema.json). */
export type DevnetLoadResult = LoadReport;

export default class DevnetLoad extends LeaseholdCommand {
  static override summary = "Send steady HTTP load to a devnet instance's replicas.";
  static override description =
    "Reads ADDRESS's endpoints from the stack's state and sends --rps requests per second round-robin over every replica listener for --duration, with at most --concurrency open at once, then reports sent, ok, errors and latency percentiles. Loopback endpoints only; the run always stops by itself.";
  static override examples = [
    '<%= config.bin %> <%= command.id %> instance.web --rps 50 --duration 30s',
    '<%= config.bin %> <%= command.id %> instance.web[0] -f examples/web.yaml --rps 10 --duration 5s --json',
  ];
  static override args = {
    address: Args.string({
      ignoreStdin: true,
      description: 'instance.web, or one slot instance.web[0].',
      required: true,
    }),
  };
  static override flags = {
    ...stackFlags,
    state: stateFlags.state,
    rps: Flags.integer({ summary: 'Requests per second (1-5000).', required: true, min: 1 }),
    duration: durationFlag({
      summary: 'How long to send (e.g. 500ms, 30s, 5m; at most 1h).',
    }),
    concurrency: Flags.integer({ summary: 'Requests open at once (1-1024).', default: 64 }),
    path: Flags.string({ summary: 'Path requested on each endpoint.', default: '/' }),
  };

  async run(): Promise<DevnetLoadResult> {
    const { args, flags } = await this.parse(DevnetLoad);
    const { backend } = await openStateBackend({
      file: flags.file,
      app: flags.app,
      statePath: flags.state,
      cwd: process.cwd(),
    });
    const devnet = await loadDevnet();
    const targets = selectLoadTargets(await backend.read(), args.address);
    const opts = {
      address: args.address,
      endpoints: targets.endpoints,
      rps: flags.rps,
      durationMs: flags.duration,
      concurrency: flags.concurrency,
      path: flags.path,
    };
    const problems = [...targets.diagnostics, ...devnet.checkLoadOptions(opts)];
    if (hasErrors(problems)) this.fail(problems);
    const stop = new AbortController();
    const onInt = (): void => stop.abort();
    process.once('SIGINT', onInt);
    if (!this.jsonEnabled())
      process.stderr.write(
        `Sending ${flags.rps} req/s to ${opts.endpoints.length} endpoint(s) of ${args.address} for ${flags.duration / 1000}s…\n`,
      );
    try {
      const report = await devnet.runLoad({ ...opts, signal: stop.signal });
      if (!this.jsonEnabled()) this.log(devnet.renderLoadReport(report));
      return report;
    } finally {
      process.off('SIGINT', onInt);
    }
  }
}
