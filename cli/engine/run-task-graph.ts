/** A node of a task graph: what must settle, and what must succeed, before it runs. */
export interface GraphTask {
  readonly id: number;
  readonly after: readonly number[];
  readonly needs: readonly number[];
}

/** How a task ended. */
export type TaskResult = 'done' | 'failed' | 'not-started';

/** A graph to walk with a bound on how many tasks run at once. */
export interface RunTaskGraphInput<T extends GraphTask> {
  readonly tasks: readonly T[];
  /** At least 1. */
  readonly parallelism: number;
  /** Once aborted, no task starts; running ones are awaited. */
  readonly signal: AbortSignal;
  /** Runs one task; resolves true on success. A throw counts as a failure. */
  readonly run: (task: T) => Promise<boolean>;
}

/**
 * Walks the graph (Terraform's walker): starts every ready task while fewer than `parallelism`
 * run, never starts one whose `needs` did not all succeed, and after an abort (or a cycle) marks
 * whatever is left `not-started`. Resolves with every task's result once nothing runs.
 */
export async function runTaskGraph<T extends GraphTask>(
  input: RunTaskGraphInput<T>,
): Promise<Map<number, TaskResult>> {
  const results = new Map<number, TaskResult>();
  const running = new Map<number, Promise<void>>();
  const limit = Math.max(1, Math.floor(input.parallelism));
  const settled = (id: number): boolean => results.has(id);
  for (;;) {
    let changed = false;
    for (const task of input.tasks) {
      if (settled(task.id) || running.has(task.id)) continue;
      if (task.needs.some((id) => settled(id) && results.get(id) !== 'done')) {
        results.set(task.id, 'not-started');
        changed = true;
        continue;
      }
      const ready = [...task.after, ...task.needs].every(settled);
      if (!ready || input.signal.aborted || running.size >= limit) continue;
      running.set(task.id, start(input.run, task, results, running));
    }
    if (changed) continue;
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  for (const task of input.tasks) if (!settled(task.id)) results.set(task.id, 'not-started');
  return results;
}

function start<T extends GraphTask>(
  run: (task: T) => Promise<boolean>,
  task: T,
  results: Map<number, TaskResult>,
  running: Map<number, Promise<void>>,
): Promise<void> {
  return run(task)
    .catch(() => false)
    .then((ok) => {
      results.set(task.id, ok ? 'done' : 'failed');
      running.delete(task.id);
    });
}
