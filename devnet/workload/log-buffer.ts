/**
 * A lease's log lines as the provider's log WebSocket sends them: `{name, message}` where `name` is
 * the pod. Keeps the last lines for `tail` and pushes new ones to `follow` subscribers.
 */

/** One log frame. */
export interface LogLine {
  /** The pod, `<service>-<replica>`. */
  readonly name: string;
  readonly service: string;
  readonly message: string;
}

/** Bounded log history with live subscribers. */
export class LogBuffer {
  private readonly lines: LogLine[] = [];
  private readonly listeners = new Set<(line: LogLine) => void>();

  /** @param limit lines kept for `tail`; @default 2000 */
  constructor(private readonly limit = 2000) {}

  /** Appends a line and hands it to every subscriber. */
  push(line: LogLine): void {
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.splice(0, this.lines.length - this.limit);
    for (const l of this.listeners) l(line);
  }

  /** The last `tail` lines of a service (all services when undefined); tail −1 = everything kept. */
  tail(tail: number, service?: string | undefined): LogLine[] {
    const pick = this.lines.filter((l) => service === undefined || l.service === service);
    return tail < 0 ? pick : pick.slice(Math.max(0, pick.length - tail));
  }

  /** Subscribes to new lines; returns the unsubscribe function. */
  subscribe(listener: (line: LogLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
