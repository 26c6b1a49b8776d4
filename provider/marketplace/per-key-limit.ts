/**
 * At most `limit` tasks at once per key, the rest queued in order: how many manifests one provider
 * is sent at once (its network's `manifestsPerProvider`), while different providers are sent
 * theirs in parallel.
 */
export class PerKeyLimit {
  readonly #running = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  /** Runs `task` once fewer than `limit` tasks of `key` run. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if ((this.#running.get(key) ?? 0) >= Math.max(1, this.limit)) {
      await new Promise<void>((resolve) => {
        const queue = this.#waiting.get(key) ?? [];
        queue.push(resolve);
        this.#waiting.set(key, queue);
      });
    } else this.#running.set(key, (this.#running.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.#release(key);
    }
  }

  /** Tasks of `key` running now. */
  running(key: string): number {
    return this.#running.get(key) ?? 0;
  }

  #release(key: string): void {
    const next = this.#waiting.get(key)?.shift();
    // The slot passes straight to the next waiter: the running count stays as it is.
    if (next !== undefined) return next();
    const n = (this.#running.get(key) ?? 1) - 1;
    if (n <= 0) this.#running.delete(key);
    else this.#running.set(key, n);
  }
}
