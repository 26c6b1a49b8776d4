/**
 * Clocks for unit tests (common/clock.ts): time moves only when the test or the code under test
 * says so, so no test waits and none depends on the machine's speed.
 */
import type { Clock } from '../../common/index.js';

/** A clock where each sleep advances time at once and is recorded: for retry and backoff loops. */
export interface SteppingClock extends Clock {
  readonly sleeps: number[];
}

/** Starts at `start` (ms); every `sleep(ms)` adds `ms` and resolves at once. */
export function steppingClock(start = 1_700_000_000_000): SteppingClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

/** A clock whose sleeps wait until the test advances time past them (or their signal aborts). */
export interface ManualClock extends Clock {
  /** Moves time forward and wakes every sleep that is due. */
  advance(ms: number): void;
  /** Sleeps still waiting. */
  pending(): number;
}

/** Starts at `start` (ms); sleeps resolve only through {@link ManualClock.advance} or abort. */
export function manualClock(start = 1_700_000_000_000): ManualClock {
  let t = start;
  const waiting = new Set<{ due: number; wake: () => void }>();
  return {
    now: () => t,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        const entry = { due: t + ms, wake: () => (waiting.delete(entry), resolve()) };
        if (signal?.aborted === true) return resolve();
        waiting.add(entry);
        signal?.addEventListener('abort', entry.wake, { once: true });
      }),
    advance: (ms) => {
      t += ms;
      for (const e of [...waiting]) if (e.due <= t) e.wake();
    },
    pending: () => waiting.size,
  };
}
