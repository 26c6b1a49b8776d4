/**
 * Time, as code that waits sees it. Injected wherever code sleeps or reads the clock, so unit tests
 * drive it without waiting (STYLE §22, §26) and a busy machine cannot change their outcome.
 */

/** Milliseconds since the epoch, and a sleep that an abort signal ends early. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (it never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock: `Date.now()` and a timer. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
