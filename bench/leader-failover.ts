// Controllers contending for the pg leader lock as real processes (leader-contender.js), each
// event line kept for leader-judge.ts. Shared by the failover integration test and the bench.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ContenderEvent } from './leader-contender.js';
import type { ContenderLog } from './leader-judge.js';

/** A running contender and every event it printed so far. */
export interface Contender extends ContenderLog {
  readonly proc: ChildProcess;
  readonly events: ContenderEvent[];
  readonly exited: Promise<void>;
}

// The compiled contender: beside this module once built (dist/bench), and under dist/ when this
// module runs from its TypeScript source (jest's integration test).
const here = fileURLToPath(import.meta.url);
const script = here.endsWith('.ts')
  ? join(dirname(here), '..', 'dist', 'bench', 'leader-contender.js')
  : join(dirname(here), 'leader-contender.js');

/** Starts a contender process on `pgUrl` for `stack`, bidding each `intervalMs`. */
export function startContender(opts: {
  name: string;
  pgUrl: string;
  stack: string;
  intervalMs: number;
}): Contender {
  const proc = spawn(process.execPath, [script, opts.stack, String(opts.intervalMs)], {
    env: { ...process.env, LEASEHOLD_PG_URL: opts.pgUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: ContenderEvent[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as ContenderEvent);
    } catch {
      // Not an event line.
    }
  });
  const exited = new Promise<void>((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) r();
    else proc.once('exit', () => r());
  });
  return { name: opts.name, proc, events, exited };
}
