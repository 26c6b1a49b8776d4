// The measured half of the plan bench, in a process of its own, as `leasehold plan` runs: loads
// the spec, connects, then runs refresh + plan `runs` times and prints one JSON line with each
// run's wall time and RPC round trips and the process's peak RSS (the kernel's maxRSS, so no
// sampling can miss a spike). Usage: node plan-bench-child.js '<PlanBenchChildInput JSON>'.
import { performance } from 'node:perf_hooks';
import { planStack } from '../cli/engine/plan-stack.js';
import { createStateBackend } from '../cli/state/create-state-backend.js';
import { createLocalBackend } from '../cli/state/local-backend.js';
import type { ResolvedNetwork } from '../provider/network/network-types.js';
import { loadStack } from '../provider/spec/load-stack.js';
import { connect, session } from './plan-bench-session.js';

/** What the parent passes. */
export interface PlanBenchChildInput {
  readonly rpcUrl: string;
  readonly book: ResolvedNetwork['book'];
  readonly blockTime: number | null;
  /** Directory of the spec and the state. */
  readonly dir: string;
  readonly leases: number;
  readonly runs: number;
  readonly refresh: boolean | 'chain';
  /** The state in this PostgreSQL (pg backend) instead of the local file. */
  readonly pgUrl?: string | undefined;
}

/** What the child prints. */
export interface PlanBenchChildOutput {
  readonly runs: readonly { readonly ms: number; readonly roundTrips: number }[];
  readonly maxRssMb: number;
}

async function main(input: PlanBenchChildInput): Promise<PlanBenchChildOutput> {
  const loaded = await loadStack({ cwd: input.dir });
  if (loaded.model === null) throw new Error(JSON.stringify(loaded.diagnostics));
  const model = loaded.model;
  const chain = await connect(input.rpcUrl, input.book, input.blockTime);
  const backend =
    input.pgUrl === undefined
      ? createLocalBackend({ dir: input.dir, stack: 'bench' })
      : await createStateBackend({
          config: { type: 'pg', schema: 'leasehold', keep: 100 },
          dir: input.dir,
          stack: 'bench',
          env: { LEASEHOLD_PG_URL: input.pgUrl },
        });
  const runs: { ms: number; roundTrips: number }[] = [];
  try {
    for (let i = 0; i < input.runs; i++) {
      const base = chain.marketplace.rpcRoundTrips();
      const t0 = performance.now();
      const res = await planStack({
        session: session(chain),
        backend,
        stack: 'bench',
        model,
        mode: 'normal',
        refresh: input.refresh,
        targets: [],
        replace: [],
        lock: true,
        lockTimeoutMs: 0,
        version: 'bench',
        now: new Date(),
      });
      const ms = performance.now() - t0;
      const noOps = res.plan.changes.filter((c) => c.action === 'no-op').length;
      if (noOps !== input.leases || res.plan.errored) {
        const seen = res.plan.changes.slice(0, 3).map((c) => `${c.address} ${c.action}`);
        throw new Error(`plan of ${input.leases} leases: ${noOps} no-ops: ${seen.join('; ')}`);
      }
      runs.push({ ms, roundTrips: chain.marketplace.rpcRoundTrips() - base });
    }
  } finally {
    await chain.marketplace.close();
    await backend.close?.();
  }
  // maxRSS is in KiB on Linux.
  return { runs, maxRssMb: process.resourceUsage().maxRSS / 1024 };
}

const arg = process.argv[2];
if (arg !== undefined) {
  const out = await main(JSON.parse(arg) as PlanBenchChildInput);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
