/** A counter's value at a scrape time (ms). */
export interface CounterPoint {
  readonly value: number;
  readonly at: number;
}

/**
 * Per-second rate of a counter between two scrapes. A drop means the counter reset (the process
 * restarted): as Prometheus' `rate()` does, the new value is taken as counted from zero. Null when
 * time did not move forward or a value is not finite.
 */
export function counterRate(prev: CounterPoint, curr: CounterPoint): number | null {
  const seconds = (curr.at - prev.at) / 1000;
  if (!(seconds > 0) || !Number.isFinite(prev.value) || !Number.isFinite(curr.value)) return null;
  const delta = curr.value >= prev.value ? curr.value - prev.value : curr.value;
  return delta / seconds;
}
