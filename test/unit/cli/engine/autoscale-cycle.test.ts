import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_APPLY_TIMEOUTS } from '../../../../cli/engine/apply-plan.js';
import { autoscaleChanges, runAutoscaleCycle } from '../../../../cli/engine/autoscale-cycle.js';
import {
  emptyAutoscaleHistory,
  readAutoscaleHistory,
} from '../../../../cli/engine/autoscale-history.js';
import type { CycleDecision, ObserveRequest } from '../../../../cli/provider-api.js';
import {
  createMemoryBackend,
  createMemorySession,
  memoryModel,
  memoryState,
} from '../../../support/in-memory-provider.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const box = (count: number) => ({
  type: 'box',
  name: 'b',
  attributes: { image: 'nginx:1', size: 1, count },
});
const decision = (o: Partial<CycleDecision> = {}): CycleDecision => ({
  resource: 'box.b',
  current: 2,
  desired: 2,
  metrics: [],
  health: [],
  replace: [],
  action: 'none',
  blockedBy: null,
  reasons: [],
  recommendation: null,
  memory: { n: 1 },
  ...o,
});

async function run(decide: (req: ObserveRequest) => CycleDecision[]) {
  const seen: ObserveRequest[] = [];
  const session = createMemorySession({
    observe: async (req) => {
      seen.push(req);
      return { decisions: decide(req), diagnostics: [] };
    },
  });
  const backend = createMemoryBackend(memoryState([box(2)]));
  const historyPath = join(mkdtempSync(join(tmpdir(), 'lh-cycle-')), 'demo.autoscale.json');
  const res = await runAutoscaleCycle({
    session,
    backend,
    model: memoryModel([box(2)]),
    historyPath,
    version: '0.1.0',
    lockTimeoutMs: 0,
    parallelism: 4,
    env: {},
    signal: new AbortController().signal,
    emit: () => undefined,
    timeouts: DEFAULT_APPLY_TIMEOUTS,
    now: () => NOW,
  });
  return { res, backend, session, seen, history: await readAutoscaleHistory(historyPath, 'demo') };
}

describe('runAutoscaleCycle', () => {
  it('GIVEN a decision for 3 of 2 WHEN the cycle runs THEN just that count is applied under the state lock and recorded', async () => {
    const { res, backend, history, session } = await run(() => [
      decision({
        desired: 3,
        action: 'scale-out',
        recommendation: { at: NOW.getTime(), replicas: 3 },
      }),
    ]);
    expect(res.diagnostics).toEqual([]);
    expect(res.applied).toBe('applied');
    expect(res.events).toMatchObject([
      { resource: 'box.b', current: 2, desired: 3, outcome: 'applied' },
    ]);
    expect(backend.calls).toContain('lock:apply');
    expect(backend.state?.resources.find((r) => r.address === 'box.b')?.leases).toHaveLength(3);
    expect(session.planRequests.at(-1)?.options.desiredCount).toBe(3);
    expect(history.resources['box.b']).toMatchObject({
      events: [{ at: NOW.getTime(), from: 2, to: 3 }],
      recommendations: [{ at: NOW.getTime(), replicas: 3 }],
      memory: { n: 1 },
    });
    expect(history.decisions).toHaveLength(1);
  });

  it('GIVEN a decision to stay WHEN the cycle runs THEN nothing is planned or locked, and the decision is still logged', async () => {
    const { res, backend, session, seen } = await run(() => [decision()]);
    expect(res.applied).toBeNull();
    expect(backend.calls).not.toContain('lock:apply');
    expect(session.planRequests).toEqual([]);
    expect(res.events).toMatchObject([{ action: 'none', outcome: 'skipped' }]);
    expect(seen[0]?.now).toBe(NOW.getTime());
    expect(seen[0]?.history).toEqual(emptyAutoscaleHistory('demo'));
  });
});

describe('autoscaleChanges', () => {
  const repl = { at: 1, slot: 'instance.web[1]', leaseId: '9', provider: '0xa', excludeUntil: 100 };
  it('GIVEN a replacement and a scale of two instances WHEN turned into plan input THEN targets, replace, overrides and exclusions match', () => {
    const c = autoscaleChanges(
      [
        decision({ resource: 'instance.web', replace: [repl], action: 'replace' }),
        decision({ resource: 'instance.api', desired: 4, action: 'scale-out' }),
        decision({ resource: 'instance.idle' }),
      ],
      emptyAutoscaleHistory('demo'),
      10,
    );
    expect(c.targets).toEqual(['instance.web', 'instance.api']);
    expect(c.replace).toEqual(['instance.web[1]']);
    expect([...c.countOverrides]).toEqual([['instance.api', 4]]);
    expect(c.excludeProviders).toEqual({ 'instance.web[1]': ['0xa'] });
  });
});
