import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AutoscaleDecisionEvent } from '../../../cli/provider-api.js';
import type { OpenStack } from '../../../cli/engine/open-stack.js';
import { planStack } from '../../../cli/engine/plan-stack.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { connectChain, deposit, tempDir } from '../plan/plan-support.js';
import type { Chain } from '../plan/plan-support.js';
import { applyNow, cycle, endpointsOf, openSpec, sleep, startLoad } from './autoscale-support.js';

jest.setTimeout(240_000);

// One devnet for the file. The workload serves 10 requests per second per replica at 100 % cpu
// (LEASEHOLD_CAPACITY_RPS); the policy targets 11 requests per second per replica, so 5× one
// replica's capacity (50 rps) asks for ceil(50 / 11) = 5 replicas, which then sit within the 0.1
// tolerance (10 / 11) — no oscillation. Spread none: one lease whose replica count is updated.
const home = tempDir('lh-as-home-');
const dir = tempDir('lh-as-stack-');
process.env['LEASEHOLD_HOME'] = home;
const INTERVAL = 1500;
const CAPACITY = 10;
const TARGET = 11;

const spec = (o: { stack: string; min: number; max: number; budget?: string }): string => `
stack: ${o.stack}
${o.budget === undefined ? '' : `budget: { maxPerHour: '${o.budget}', token: USDT }`}
instances:
  web:
    image: nginx:1.27
    ports: [{ port: 8080, as: 80 }]
    resources: { cpu: 0.5, memory: 512Mi, storage: 1Gi }
    count: ${o.min}
    env: { LEASEHOLD_CAPACITY_RPS: '${CAPACITY}' }
    pricing: { maxPerHour: '1', token: USDT }
    autoscaling:
      min: ${o.min}
      max: ${o.max}
      metrics:
        - type: requestsPerSecond
          target: { averageValue: ${TARGET} }
      cooldown: 1s
      behavior:
        scaleDown:
          stabilizationWindow: 6s
          policies: [{ type: Replicas, value: 1, period: 3s }]
`;

let chain: Chain;
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
  await chain?.marketplace.close();
  await stopDevnet({ home });
});

const byResource = (events: readonly AutoscaleDecisionEvent[]): AutoscaleDecisionEvent => {
  const e = events.find((x) => x.resource === 'instance.web');
  if (e === undefined) throw new Error(`no decision for instance.web: ${JSON.stringify(events)}`);
  return e;
};

describe('autoscale on the devnet (spread none)', () => {
  let stack: OpenStack;
  const log: { at: number; e: AutoscaleDecisionEvent }[] = [];
  const run = async (): Promise<AutoscaleDecisionEvent> => {
    const started = Date.now();
    const e = byResource(await cycle(stack));
    log.push({ at: Date.now(), e });
    await sleep(Math.max(0, INTERVAL - (Date.now() - started)));
    return e;
  };
  beforeAll(async () => {
    stack = await openSpec(dir, 'scale', spec({ stack: 'scale', min: 2, max: 8 }));
    const applied = await applyNow(stack);
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(applied.status).toBe('applied');
  });
  afterAll(async () => {
    await stack?.session.close();
  });

  it("GIVEN load at 5× one replica's capacity WHEN cycles run THEN a min-2 policy scales out to the predicted count and stays there for 10 cycles", async () => {
    const load = startLoad(5 * CAPACITY, () => endpointsOf(stack, 'instance.web'));
    try {
      await sleep(2000); // the load reaches its rate before the first scrape
      const outs: AutoscaleDecisionEvent[] = [];
      for (let i = 0; i < 20 && !(outs.at(-1)?.desired === 5); i += 1) {
        const e = await run();
        if (e.action === 'scale-out') outs.push(e);
      }
      if (outs.at(-1)?.desired !== 5) throw new Error(JSON.stringify(log.map((l) => l.e)));
      // Each step is HPA's desired = ceil(current × value / target) (no rate policy binds here),
      // and 50 rps over a target of 11 per replica predicts 5.
      for (const e of outs) {
        expect(e.desired).toBe(Math.ceil((e.current * (e.metrics[0]?.value ?? 0)) / TARGET));
        expect(e.outcome).toBe('applied');
      }
      expect(Math.ceil((5 * CAPACITY) / TARGET)).toBe(5);
      const steady: AutoscaleDecisionEvent[] = [];
      for (let i = 0; i < 10; i += 1) steady.push(await run());
      expect(steady.map((e) => e.current)).toEqual(Array(10).fill(5));
      expect(steady.every((e) => e.desired === 5 && e.action === 'none')).toBe(true);
    } finally {
      await load.stop();
    }
  });

  it('GIVEN the scaled stack WHEN planned THEN count shows no change', async () => {
    const res = await planStack({
      session: stack.session,
      backend: stack.backend,
      stack: 'scale',
      model: stack.model,
      mode: 'normal',
      refresh: true,
      targets: [],
      replace: [],
      lock: true,
      lockTimeoutMs: 10_000,
      version: 'test',
      now: new Date(),
    });
    expect(res.plan.changes.filter((c) => c.action !== 'no-op')).toEqual([]);
    expect(res.plan.applyable).toBe(false);
  });

  it('GIVEN the load stops WHEN cycles run THEN scale-in waits for the window, steps by 1 per period and stops at min', async () => {
    const events: { at: number; e: AutoscaleDecisionEvent }[] = [];
    for (let i = 0; i < 40; i += 1) {
      const e = await run();
      events.push({ at: Date.now(), e });
      if (e.current === 2 && events.filter((x) => x.e.current === 2).length >= 3) break;
    }
    const ins = events.filter((x) => x.e.action === 'scale-in' && x.e.outcome === 'applied');
    expect(ins.length).toBe(3); // 5 → 4 → 3 → 2, one replica per period
    expect(ins.map((x) => x.e.current - x.e.desired)).toEqual(ins.map(() => 1));
    // The window runs from the controller's last high recommendation (HPA: desired = ceil(current
    // × value / target)), not from when this test started: on a loaded machine the load stopped,
    // and the rate window emptied, well before this test's first cycle. Judged on the decisions'
    // own times, so a slow machine cannot fake or break it.
    const first = ins[0]?.e;
    const recommended = (e: AutoscaleDecisionEvent): number =>
      Math.ceil((e.current * (e.metrics[0]?.value ?? 0)) / TARGET);
    const lastHigh = log
      .filter((l) => Date.parse(l.e.at) < Date.parse(first?.at ?? ''))
      .filter((l) => recommended(l.e) >= (first?.current ?? 0))
      .at(-1)?.e;
    expect(lastHigh).toBeDefined();
    expect(Date.parse(first?.at ?? '') - Date.parse(lastHigh?.at ?? '')).toBeGreaterThanOrEqual(
      6000,
    );
    expect(events.every((x) => x.e.desired >= 2)).toBe(true);
    expect(events.at(-1)?.e.current).toBe(2);
    expect(log.every((l) => l.e.desired <= 8 && l.e.current <= 8)).toBe(true);
  });
});

describe('the budget ceiling', () => {
  let stack: OpenStack;
  beforeAll(async () => {
    stack = await openSpec(dir, 'capped', spec({ stack: 'capped', min: 1, max: 10, budget: '3' }));
    const applied = await applyNow(stack);
    expect(applied.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(applied.status).toBe('applied');
  });
  afterAll(async () => {
    await stack?.session.close();
  });

  it('GIVEN a budget for 3 replicas and load asking for 5 WHEN cycles run THEN the count stops at 3 and the next scale-out is refused for the budget', async () => {
    const load = startLoad(5 * CAPACITY, () => endpointsOf(stack, 'instance.web'));
    const seen: AutoscaleDecisionEvent[] = [];
    try {
      for (let i = 0; i < 20; i += 1) {
        const e = byResource(await cycle(stack));
        seen.push(e);
        if (e.current === 3 && e.blockedBy === 'budget') break;
        await sleep(INTERVAL);
      }
    } finally {
      await load.stop();
    }
    const refused = seen.at(-1);
    expect(refused).toMatchObject({ current: 3, desired: 3, blockedBy: 'budget', action: 'none' });
    expect(refused?.reasons.join(' ')).toMatch(/budget allows at most 3 replicas .*refused/);
    expect(seen.every((e) => e.desired <= 3)).toBe(true);
  });
});
