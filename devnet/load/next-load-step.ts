/**
 * The load generator's scheduler, as a pure step: request `i` is due at `i × 1000 / rps` ms after
 * the start (a fixed-interval open loop, so a slow target does not slow the offered rate down).
 * A due request that finds `maxInFlight` requests still open is skipped and counted, rather than
 * queued: a queue would later burst above the declared rate.
 */

/** Inputs of {@link nextLoadStep}. */
export interface NextLoadStepInput {
  /** Milliseconds since the run started. */
  readonly elapsedMs: number;
  /** Requests per second, > 0. */
  readonly rps: number;
  /** Requests in the whole run (see {@link loadTotal}). */
  readonly total: number;
  /** Requests sent or skipped so far. */
  readonly issued: number;
  /** Requests sent and not yet answered. */
  readonly inFlight: number;
  /** The bound on open requests. */
  readonly maxInFlight: number;
}

/** What to do now: send some, skip some, then wait `waitMs` (null: every request is issued). */
export interface NextLoadStepResult {
  readonly send: number;
  readonly skip: number;
  readonly waitMs: number | null;
}

/** Requests in a run of `durationMs` at `rps`: at least one. */
export function loadTotal(rps: number, durationMs: number): number {
  return Math.max(1, Math.round((rps * durationMs) / 1000));
}

/** Decides how many requests to send (and skip) at `elapsedMs`, and how long to wait after. */
export function nextLoadStep(input: NextLoadStepInput): NextLoadStepResult {
  const { rps, total, issued } = input;
  // The epsilon absorbs float error at exact due times (i × 1000 / rps × rps / 1000 < i), which
  // would otherwise wait ~0 ms forever on the same request.
  const dueBy = Math.min(total, Math.floor((Math.max(0, input.elapsedMs) * rps) / 1000 + 1e-9) + 1);
  const due = Math.max(0, dueBy - issued);
  const room = Math.max(0, input.maxInFlight - input.inFlight);
  const send = Math.min(due, room);
  const skip = due - send;
  const next = issued + send + skip;
  if (next >= total) return { send, skip, waitMs: null };
  const nextAt = (next * 1000) / rps;
  return { send, skip, waitMs: Math.max(0, nextAt - input.elapsedMs) };
}
