import type { Clock } from '../../common/index.js';

/** Options of {@link watchLoop}. */
export interface WatchLoopInput<T> {
  readonly clock: Clock;
  /** Time between the starts of two snapshots. */
  readonly intervalMs: number;
  /** Takes one snapshot (the slow part: chain and provider reads). */
  readonly read: () => Promise<T>;
  /** Shows one snapshot; `at` is when its read started (ms since the epoch). */
  readonly show: (snapshot: T, at: number) => void;
  /** Ends the loop (Ctrl-C). */
  readonly signal: AbortSignal;
  /** Stops after this many snapshots (tests); unlimited when absent. */
  readonly limit?: number | undefined;
}

/**
 * `--watch`: a snapshot every interval, measured start to start, so a slow read does not stretch
 * the cadence (a 3 s read at a 5 s interval still gives one snapshot per 5 s, not per 8 s). Every
 * snapshot is shown as soon as it is read, in a pipe as on a terminal. Returns how many it showed.
 */
export async function watchLoop<T>(input: WatchLoopInput<T>): Promise<number> {
  let shown = 0;
  while (!input.signal.aborted && (input.limit === undefined || shown < input.limit)) {
    const at = input.clock.now();
    const snapshot = await input.read();
    if (input.signal.aborted) break;
    input.show(snapshot, at);
    shown += 1;
    if (input.limit !== undefined && shown >= input.limit) break;
    const wait = at + input.intervalMs - input.clock.now();
    await input.clock.sleep(Math.max(0, wait), input.signal);
  }
  return shown;
}

/** Aborts on the first Ctrl-C, so a watch ends after the snapshot in flight (a second one kills). */
export function abortOnCtrlC(): AbortSignal {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  return ac.signal;
}
