/**
 * A token bucket over JSON-RPC requests: `take(n)` resolves once n requests fit the rate (each call
 * of a batch counts, as RPC providers count them). The bucket holds one second of requests, so a
 * burst goes out at once and what follows is paced; a batch larger than the bucket goes into debt
 * rather than waiting forever.
 */
import type { Clock } from '../../common/index.js';

export class RateBudget {
  #tokens: number;
  #at: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock,
  ) {
    this.#tokens = perSecond;
    this.#at = clock.now();
  }

  /** Waits (in call order) until `n` requests may be sent, then spends them. */
  take(n: number): Promise<void> {
    const turn = this.#queue.then(async () => {
      this.#refill();
      const wait = this.waitMs(n);
      if (wait > 0) {
        await this.clock.sleep(wait);
        this.#refill();
      }
      this.#tokens -= n;
    });
    this.#queue = turn;
    return turn;
  }

  /** Pure: how long until `n` requests fit (0 when they do, or the bucket is full). */
  waitMs(n: number): number {
    const need = Math.min(n, this.perSecond);
    if (this.#tokens >= need) return 0;
    return Math.ceil(((need - this.#tokens) / this.perSecond) * 1000);
  }

  #refill(): void {
    const now = this.clock.now();
    this.#tokens = Math.min(
      this.perSecond,
      this.#tokens + ((now - this.#at) / 1000) * this.perSecond,
    );
    this.#at = now;
  }
}
