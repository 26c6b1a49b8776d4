/**
 * Requests per second over a sliding window: the input of the CPU utilization model. Pure: callers
 * pass `now` (milliseconds) to every call.
 */

/** A sliding-window request counter. */
export class RequestMeter {
  private readonly stamps: number[] = [];
  private total = 0;

  /** @param windowMs how far back "recent" reaches; @default 10000 */
  constructor(private readonly windowMs = 10_000) {}

  /** Counts one request at `now`. */
  record(now: number): void {
    this.total += 1;
    this.stamps.push(now);
    this.prune(now);
  }

  /** Requests ever counted (the Prometheus counter). */
  get count(): number {
    return this.total;
  }

  /** Requests per second over the window ending at `now`. */
  rate(now: number): number {
    this.prune(now);
    return this.stamps.length / (this.windowMs / 1000);
  }

  private prune(now: number): void {
    const from = now - this.windowMs;
    let drop = 0;
    while (drop < this.stamps.length && (this.stamps[drop] ?? 0) <= from) drop += 1;
    if (drop > 0) this.stamps.splice(0, drop);
  }
}
