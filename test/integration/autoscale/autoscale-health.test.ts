import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AutoscaleDecisionEvent } from '../../../cli/provider-api.js';
import { runAutoscale } from '../../../cli/engine/autoscale-controller.js';
import type { RunAutoscaleRequest } from '../../../cli/engine/autoscale-controller.js';
import type { OpenStack } from '../../../cli/engine/open-stack.js';
import type { LeaseRecord } from '../../../cli/state/state-types.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { injectFault } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { connectChain, deposit, tempDir } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { applyNow, cycle, openSpec, sleep, TIMEOUTS } from './autoscale-support.js';

jest.setTimeout(240_000);

// One devnet and one stack for the file. Spread provider: each replica is its own lease on its
// own provider, so "replaced on a different provider" is a fact about one lease. `young` has a
// grace period far longer than the test: its failures must never replace it.
const home = tempDir('lh-ash-home-');
const dir = tempDir('lh-ash-stack-');
process.env['LEASEHOLD_HOME'] = home;
const INTERVAL = 1000;
const THRESHOLD = 2;

const SPEC = `
stack: heal
instances:
  web:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: 2
    placement: { spread: provider, tiers: [secured, community] }
    pricing: { maxPerHour: '1', token: USDT }
    health:
      http: { path: /healthz, port: 8080 }
      interval: 1s
      timeout: 500ms
      unhealthyThreshold: ${THRESHOLD}
      gracePeriod: 1s
      maxReplacementsPerHour: 1
  young:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    pricing: { maxPerHour: '1', token: USDT }
    health:
      http: { path: /healthz, port: 8080 }
      interval: 1s
      unhealthyThreshold: 1
      gracePeriod: 10m
`;

let chain: Chain;
let stack: OpenStack;
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
  stack = await openSpec(dir, 'heal', SPEC);
  const applied = await applyNow(stack);
  expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(applied.status).toBe('applied');
}, 180_000);

afterAll(async () => {
  await stack?.session.close();
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

const leaseOf = async (address: string, key: string): Promise<LeaseRecord> => {
  const state = await stack.backend.read();
  const l = state?.resources.find((r) => r.address === address)?.leases.find((x) => x.key === key);
  if (l === undefined) throw new Error(`no lease for ${address}[${key}]`);
  return l;
};
const of = (
  events: readonly AutoscaleDecisionEvent[],
  resource: string,
): AutoscaleDecisionEvent | undefined => events.find((e) => e.resource === resource);

describe('health-driven replacement on the devnet', () => {
  it('GIVEN web[0] made unhealthy WHEN cycles run THEN it is replaced on a different provider within interval × threshold + start, the old lease closed; young in its grace is not', async () => {
    const old = await leaseOf('instance.web', '0');
    const youngLease = await leaseOf('instance.young', '0');
    await injectFault({ home, target: `lease:${old.leaseId}`, kind: 'unhealthy' });
    await injectFault({ home, target: `lease:${youngLease.leaseId}`, kind: 'unhealthy' });
    const faulted = Date.now();
    let replaced: AutoscaleDecisionEvent | undefined;
    const young: AutoscaleDecisionEvent[] = [];
    for (let i = 0; i < 20 && replaced === undefined; i += 1) {
      const events = await cycle(stack);
      const y = of(events, 'instance.young');
      if (y !== undefined) young.push(y);
      const w = of(events, 'instance.web');
      if (w?.action === 'replace') replaced = w;
      else await sleep(INTERVAL);
    }
    const elapsed = Date.now() - faulted;
    expect(replaced).toMatchObject({ action: 'replace', outcome: 'applied' });
    // interval × unhealthy threshold, plus one more interval of phase, plus bid and start time.
    expect(elapsed).toBeLessThanOrEqual(
      INTERVAL * (THRESHOLD + 1) + TIMEOUTS.matchMs + TIMEOUTS.readyMs,
    );
    const now = await leaseOf('instance.web', '0');
    expect(now.leaseId).not.toBe(old.leaseId);
    expect(now.provider).not.toBe(old.provider);
    const [chainOld] = await chain.marketplace.readLeases([BigInt(old.leaseId ?? '0')]);
    expect(chainOld?.state).not.toBe('active');
    expect(young.length).toBeGreaterThan(0);
    expect(young.every((e) => e.action === 'none' && e.health[0]?.state === 'grace')).toBe(true);
    expect((await leaseOf('instance.young', '0')).leaseId).toBe(youngLease.leaseId);
  });

  it('GIVEN the hourly replacement budget spent WHEN the new lease flaps THEN it is alerted, not replaced again', async () => {
    const flapping = await leaseOf('instance.web', '0');
    await injectFault({ home, target: `lease:${flapping.leaseId}`, kind: 'unhealthy' });
    const seen: AutoscaleDecisionEvent[] = [];
    // Grace (1 s) plus the threshold, then a few more cycles to see it stays.
    for (let i = 0; i < 7; i += 1) {
      const w = of(await cycle(stack), 'instance.web');
      if (w !== undefined) seen.push(w);
      await sleep(INTERVAL);
    }
    expect(seen.some((e) => e.action === 'alert' && e.blockedBy === 'replacement-budget')).toBe(
      true,
    );
    expect(seen.every((e) => e.action !== 'replace')).toBe(true);
    expect((await leaseOf('instance.web', '0')).leaseId).toBe(flapping.leaseId);
    await injectFault({ home, target: `lease:${flapping.leaseId}`, kind: 'clear' });
  });
});

describe('one leader per stack', () => {
  const request = (o: Partial<RunAutoscaleRequest>): RunAutoscaleRequest => ({
    file: 'heal.yaml',
    cwd: dir,
    env: process.env,
    log: () => undefined,
    intervalMs: 500,
    once: false,
    version: 'test',
    lockTimeoutMs: 30_000,
    parallelism: 4,
    stop: new AbortController().signal,
    abort: new AbortController().signal,
    onEvent: () => undefined,
    onLine: () => undefined,
    timeouts: TIMEOUTS,
    ...o,
  });

  it('GIVEN a running controller WHEN a second starts THEN it waits and says so, --once fails not-leader, and it leads once the first stops', async () => {
    const stopA = new AbortController();
    const aEvents: AutoscaleDecisionEvent[] = [];
    const a = runAutoscale(request({ stop: stopA.signal, onEvent: (e) => aEvents.push(e) }));
    while (aEvents.length === 0) await sleep(100);

    await expect(runAutoscale(request({ once: true }))).rejects.toMatchObject({
      code: 'autoscale/not-leader',
    });

    const stopB = new AbortController();
    const lines: string[] = [];
    const bEvents: AutoscaleDecisionEvent[] = [];
    const b = runAutoscale(
      request({
        stop: stopB.signal,
        maxCycles: 1,
        onLine: (l) => lines.push(l),
        onEvent: (e) => bEvents.push(e),
      }),
    );
    while (lines.length < 2) await sleep(100);
    expect(lines[0]).toMatch(
      new RegExp(`^Another controller \\(pid ${process.pid} on .+\\) leads stack heal; waiting…$`),
    );
    expect(bEvents).toEqual([]);

    stopA.abort();
    const ra = await a;
    expect(ra.cycles).toBeGreaterThan(0);
    const rb = await b;
    expect(rb.cycles).toBe(1);
    expect(bEvents.length).toBeGreaterThan(0);
  });
});
