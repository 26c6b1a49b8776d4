// The devnet supervisor process: launched detached by `startDevnet` from dist/, its stdout and
// stderr appended to devnet.log. Runs until SIGTERM/SIGINT or POST /shutdown, then stops
// everything (anvil last, so it dumps its state) and exits.
import { writeFileSync } from 'node:fs';
import { LeaseholdError } from '../../common/diag/index.js';
import { devnetPaths } from '../devnet-home.js';
import { runSupervisor } from './run-supervisor.js';
import type { RunningSupervisor } from './run-supervisor.js';
import { parseSupervisorArgs } from './supervisor-args.js';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

const args = parseSupervisorArgs(process.argv.slice(2));
let running: RunningSupervisor | null = null;
let exiting = false;

const shutdown = (why: string): void => {
  if (exiting) return;
  exiting = true;
  log(`supervisor: stopping (${why})`);
  // During start-up there is nothing to stop yet: the start-up path checks `exiting` when done.
  if (running === null) return;
  void running.stop().finally(() => {
    log('supervisor: stopped');
    process.exit();
  });
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
// A stray rejection in one daemon should not take the whole devnet down; it is logged instead.
process.on('unhandledRejection', (reason) =>
  log(`supervisor: unhandled rejection: ${String(reason)}`),
);
// A thrown error leaves the process in an unknown state: stop cleanly so anvil is not orphaned.
process.on('uncaughtException', (err) => {
  log(`supervisor: uncaught exception: ${err.stack ?? err.message}`);
  process.exitCode = 1;
  shutdown('uncaught exception');
});

try {
  running = await runSupervisor({
    ...args,
    log,
    onShutdownRequested: () => shutdown('control API'),
  });
  if (exiting) {
    await running.stop();
    process.exit(0);
  }
} catch (err) {
  log(
    `supervisor: start failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
  );
  const diagnostics =
    err instanceof LeaseholdError
      ? err.toDiagnostics()
      : [
          {
            severity: 'error',
            code: 'devnet/start-failed',
            summary: 'The local devnet did not start',
            detail: err instanceof Error ? err.message : String(err),
            hint: `Read ${devnetPaths(args.home).log}, fix the cause, then run \`leasehold devnet up\` again.`,
          },
        ];
  writeFileSync(devnetPaths(args.home).startError, JSON.stringify({ diagnostics }, null, 2));
  process.exit(1);
}
