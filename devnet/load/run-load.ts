/**
 * `devnet load`: sends requests round-robin over a resource's replica endpoints at a steady rate
 * (the {@link nextLoadStep} scheduler), with a bounded number open at once, and stops by itself
 * after the run's request count. Keep-alive sockets, so the generator costs little next to the
 * replicas it loads.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadTotal, nextLoadStep } from './next-load-step.js';
import { summarizeLoad } from './summarize-load.js';
import type { LoadOutcome, LoadReport } from './summarize-load.js';

/** Options of {@link runLoad}; check them with checkLoadOptions first. */
export interface RunLoadOptions {
  /** For the report: `instance.web`. */
  readonly address: string;
  /** `http://127.0.0.1:port` of each replica listener. */
  readonly endpoints: readonly string[];
  readonly rps: number;
  readonly durationMs: number;
  /** Requests open at once. @default 64 */
  readonly concurrency?: number | undefined;
  /** Path requested on every endpoint. @default "/" */
  readonly path?: string | undefined;
  /** Per request. @default 5000 */
  readonly timeoutMs?: number | undefined;
  /** Stops sending early (Ctrl-C); open requests still finish. */
  readonly signal?: AbortSignal | undefined;
}

/** Runs the load and reports sent / ok / errors / latency percentiles. Never throws for a failed request. */
export async function runLoad(opts: RunLoadOptions): Promise<LoadReport> {
  const concurrency = opts.concurrency ?? 64;
  const total = loadTotal(opts.rps, opts.durationMs);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const outcomes: LoadOutcome[] = [];
  const open = new Set<Promise<void>>();
  let issued = 0;
  let skipped = 0;
  let next = 0;
  const t0 = performance.now();
  try {
    while (opts.signal?.aborted !== true) {
      const step = nextLoadStep({
        elapsedMs: performance.now() - t0,
        rps: opts.rps,
        total,
        issued,
        inFlight: open.size,
        maxInFlight: concurrency,
      });
      for (let i = 0; i < step.send; i += 1) {
        const endpoint = next % opts.endpoints.length;
        next += 1;
        const p: Promise<void> = sendOne({ ...opts, agent, endpoint }).then((o) => {
          outcomes.push(o);
          open.delete(p);
        });
        open.add(p);
      }
      issued += step.send + step.skip;
      skipped += step.skip;
      if (step.waitMs === null) break;
      await sleep(step.waitMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
    await Promise.all([...open]);
  } finally {
    agent.destroy();
  }
  return summarizeLoad({
    address: opts.address,
    rps: opts.rps,
    durationMs: opts.durationMs,
    elapsedMs: performance.now() - t0,
    endpoints: opts.endpoints,
    outcomes,
    skipped,
  });
}

function sendOne(
  o: RunLoadOptions & { readonly agent: Agent; readonly endpoint: number },
): Promise<LoadOutcome> {
  const timeoutMs = o.timeoutMs ?? 5000;
  const started = performance.now();
  const latencyMs = (): number => performance.now() - started;
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(o.path ?? '/', o.endpoints[o.endpoint]);
    } catch {
      resolve({ endpoint: o.endpoint, error: 'invalid endpoint', latencyMs: 0 });
      return;
    }
    const req = request(url, { agent: o.agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ endpoint: o.endpoint, status: res.statusCode ?? 0, latencyMs: latencyMs() }),
      );
      res.on('error', (err) =>
        resolve({ endpoint: o.endpoint, error: err.message, latencyMs: latencyMs() }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (err) =>
      resolve({ endpoint: o.endpoint, error: describe(err), latencyMs: latencyMs() }),
    );
    req.end();
  });
}

function describe(err: Error): string {
  const code = (err as Error & { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET') return 'connection reset';
  return err.message;
}
