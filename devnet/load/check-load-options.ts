import { errorDiag } from '../../common/diag/index.js';
import type { Diagnostic, Diagnostics } from '../../common/diag/index.js';
import { loadTotal } from './next-load-step.js';

/** Highest `--rps`: loopback stand-ins, not a stress tool. */
export const MAX_LOAD_RPS = 5000;
/** Longest `--duration`: a run always stops by itself. */
export const MAX_LOAD_DURATION_MS = 3_600_000;
/** Most requests in one run. */
export const MAX_LOAD_REQUESTS = 1_000_000;
/** Most requests open at once. */
export const MAX_LOAD_CONCURRENCY = 1024;

/** The options a load run is checked for. */
export interface LoadBounds {
  readonly rps: number;
  readonly durationMs: number;
  readonly concurrency: number;
  readonly endpoints: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** True for an `http://` URL on a loopback host: the only place load is ever sent. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && (LOOPBACK.has(url.hostname) || /^127\./.test(url.hostname));
  } catch {
    return false;
  }
}

/** Every bound a load run breaks (rate, duration, request count, concurrency, loopback only). */
export function checkLoadOptions(o: LoadBounds): Diagnostics {
  const out: Diagnostic[] = [];
  const bound = (ok: boolean, detail: string, hint: string): void => {
    if (!ok)
      out.push(
        errorDiag({
          code: 'devnet/load-out-of-bounds',
          summary: 'Load outside its bounds',
          detail,
          hint,
        }),
      );
  };
  bound(
    Number.isFinite(o.rps) && o.rps > 0 && o.rps <= MAX_LOAD_RPS,
    `--rps is ${o.rps}; it must be above 0 and at most ${MAX_LOAD_RPS}.`,
    'Pass a rate such as `--rps 50`.',
  );
  bound(
    Number.isFinite(o.durationMs) && o.durationMs > 0 && o.durationMs <= MAX_LOAD_DURATION_MS,
    `--duration is ${o.durationMs} ms; it must be above 0 and at most 1 hour.`,
    'Pass a duration such as `--duration 30s`.',
  );
  bound(
    !(o.rps > 0 && o.durationMs > 0) || loadTotal(o.rps, o.durationMs) <= MAX_LOAD_REQUESTS,
    `--rps ${o.rps} for ${o.durationMs} ms is ${loadTotal(o.rps, o.durationMs)} requests; at most ${MAX_LOAD_REQUESTS} are sent in one run.`,
    'Lower --rps or --duration.',
  );
  bound(
    Number.isInteger(o.concurrency) && o.concurrency >= 1 && o.concurrency <= MAX_LOAD_CONCURRENCY,
    `--concurrency is ${o.concurrency}; it must be a whole number from 1 to ${MAX_LOAD_CONCURRENCY}.`,
    'Pass `--concurrency 64`.',
  );
  for (const e of o.endpoints.filter((x) => !isLoopbackEndpoint(x))) {
    out.push(
      errorDiag({
        code: 'devnet/load-not-loopback',
        summary: 'Load target is not a loopback endpoint',
        detail: `Endpoint "${e}" is not http:// on 127.0.0.1, ::1 or localhost; devnet load only sends to the devnet's own listeners.`,
        hint: 'Point the command at a stack running on the local devnet (`--network local`).',
      }),
    );
  }
  return out;
}
