import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One measured row of docs/benchmarks.md. */
export interface BenchRow {
  readonly name: string;
  /** The median, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** Human target, `≤ 250 ms`, or '' when the row is informative (a baseline). */
  readonly target: string;
  /** Whether the target holds; null for baselines. */
  readonly pass: boolean | null;
  readonly note?: string | undefined;
}

export interface BenchSection {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  /** Markdown lines shown under the table (where the time goes). */
  readonly notes?: readonly string[] | undefined;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Wall time of a whole command, as a user sees it (process start to exit), median over `runs`
 * after `warmup` discarded runs. Fails loudly if the command exits with another status than
 * `expectStatus` (default 0): a fast failure is no result. Timing a refusal expects 1.
 */
export function timeCommand(opts: {
  cmd: string;
  args: readonly string[];
  cwd: string;
  runs?: number;
  warmup?: number;
  env?: NodeJS.ProcessEnv;
  expectStatus?: number;
}): number {
  const runs = opts.runs ?? 15;
  const warmup = opts.warmup ?? 2;
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(opts.cmd, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: 'pipe',
    });
    const dt = performance.now() - t0;
    if (r.status !== (opts.expectStatus ?? 0)) {
      throw new Error(
        `${opts.cmd} ${opts.args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`,
      );
    }
    if (i >= warmup) samples.push(dt);
  }
  return median(samples);
}

/**
 * Removes a bench's temporary directory. A devnet's processes may still flush a log line just
 * after `stopDevnet` returns, so a removal can meet a directory that is not empty yet: retry, and
 * if it still fails, say so and go on — a leftover temporary directory must not cost the run.
 */
export function removeTempDir(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (err) {
    process.stderr.write(`note: could not remove ${path} (${(err as Error).message})\n`);
  }
}
