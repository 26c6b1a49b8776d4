import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { OpenStack } from '../../../cli/engine/open-stack.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { runLoad } from '../../../devnet/load/run-load.js';
import type { LoadReport } from '../../../devnet/load/summarize-load.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { applyNow, endpointsOf, openSpec } from '../autoscale/autoscale-support.js';
import { connectChain, deposit, tempDir } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { waitFor } from '../../support/wait-for.js';

jest.setTimeout(300_000);

// Under `spread: none` one lease runs every replica, and a count change is an in-place update of
// that lease (a new manifest). The replicas that stay must keep serving through it: `devnet load`
// (its library) runs over the endpoints recorded before the change, all through the apply, and
// must see no failed request — on scale-out 2 → 3 and on scale-in 3 → 2.
const home = tempDir('lh-serve-home-');
const dir = tempDir('lh-serve-stack-');
process.env['LEASEHOLD_HOME'] = home;
// Generous for a busy 2-core machine; every wait polls a condition against it.
const DEADLINE_MS = 30_000;

const spec = (count: number): string => `
stack: serve
instances:
  web:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: ${count}
    pricing: { maxPerHour: '1', token: USDT }
`;

let chain: Chain;
const opened: OpenStack[] = [];
beforeAll(async () => {
  const info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  chain = await connectChain(info);
  await deposit(chain, 'USDT', 1_000_000_000n);
}, 180_000);

afterAll(async () => {
  await Promise.all(opened.map((s) => s.session.close()));
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

/** Applies the spec with `count` replicas (as `apply --auto-approve` does) and returns the stack. */
async function applyCount(count: number): Promise<OpenStack> {
  const stack = await openSpec(dir, 'serve', spec(count));
  opened.push(stack);
  const res = await applyNow(stack);
  expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(['applied', 'no-changes']).toContain(res.status);
  return stack;
}

/** `http_requests_total` of one replica endpoint; -1 when it does not answer. */
async function served(endpoint: string): Promise<number> {
  try {
    const text = await (await fetch(new URL('/metrics', endpoint))).text();
    return Number(/^http_requests_total(?:\{[^}]*\})? (\d+)/m.exec(text)?.[1] ?? -1);
  } catch {
    return -1;
  }
}

/** Which replica (index) answers on `endpoint`. */
async function replicaAt(endpoint: string): Promise<number> {
  const body = (await (await fetch(new URL('/', endpoint))).json()) as { replica: number };
  return body.replica;
}

/**
 * Polls until every endpoint has served at least `atLeast` more requests than `from`, or the
 * deadline passes; returns the last counts either way (the load report tells what failed).
 */
async function servedAtLeast(
  endpoints: readonly string[],
  from: readonly number[],
  atLeast: number,
): Promise<number[]> {
  return waitFor(
    `every replica to serve ${atLeast} more requests`,
    async () => {
      const now = await Promise.all(endpoints.map(served));
      return now.every((n, i) => n - (from[i] ?? 0) >= atLeast) ? now : null;
    },
    DEADLINE_MS,
    200,
  );
}

/**
 * Runs `change` while load goes to `endpoints` at 20 rps (the run's own duration is far longer
 * than any apply; it is stopped once the replicas have served a few more requests after it).
 */
async function loadThrough(
  endpoints: readonly string[],
  change: () => Promise<void>,
): Promise<{ report: LoadReport; before: number[]; after: number[] }> {
  const stop = new AbortController();
  const before = await Promise.all(endpoints.map(served));
  const load = runLoad({
    address: 'instance.web',
    endpoints,
    rps: 20,
    durationMs: 600_000,
    timeoutMs: 5000,
    signal: stop.signal,
  });
  try {
    const during = await servedAtLeast(endpoints, before, 5);
    expect(during.every((n, i) => n - (before[i] ?? 0) >= 5)).toBe(true);
    await change();
    const after = await servedAtLeast(endpoints, during, 5);
    stop.abort();
    return { report: await load, before, after };
  } finally {
    stop.abort();
    await load;
  }
}

describe('scaling a spread-none instance keeps its replicas serving', () => {
  it('GIVEN load on 2 replicas WHEN scaled out to 3 by apply THEN 0 failed requests and both keep their endpoints and counters', async () => {
    const two = await endpointsOf(await applyCount(2), 'instance.web');
    expect(two).toHaveLength(2);
    let three: string[] = [];
    const { report, before, after } = await loadThrough(two, async () => {
      three = await endpointsOf(await applyCount(3), 'instance.web');
    });
    expect(report.errorReasons).toEqual({});
    expect(report.errors).toBe(0);
    expect(report.ok).toBe(report.sent);
    expect(report.sent).toBeGreaterThanOrEqual(20);
    expect(three).toHaveLength(3);
    expect(three).toEqual(expect.arrayContaining(two));
    // The same replicas, never restarted: their request counters only grew.
    after.forEach((n, i) => expect(n).toBeGreaterThan(before[i] ?? Infinity));
  });

  it('GIVEN load on replicas 0 and 1 of 3 WHEN scaled in to 2 by apply THEN 0 failed requests and they are what remains', async () => {
    const three = await endpointsOf(await applyCount(3), 'instance.web');
    expect(three).toHaveLength(3);
    const first = (await Promise.all(three.map(async (e) => ({ e, replica: await replicaAt(e) }))))
      .filter((x) => x.replica < 2)
      .map((x) => x.e)
      .sort();
    expect(first).toHaveLength(2);
    let two: string[] = [];
    const { report } = await loadThrough(first, async () => {
      two = await endpointsOf(await applyCount(2), 'instance.web');
    });
    expect(report.errorReasons).toEqual({});
    expect(report.errors).toBe(0);
    expect(report.sent).toBeGreaterThanOrEqual(20);
    expect([...two].sort()).toEqual(first);
  });
});
