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
import type { CycleDecision, ModelView, ObserveRequest } from '../../../../cli/provider-api.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import {
  createMemoryBackend,
  createMemorySession,
  memoryModel,
  memoryState,
} from '../../../support/in-memory-provider.js';
import type { MemoryBackend } from '../../../support/in-memory-provider.js';

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

/** A state that last applied exactly `model` (each resource's model hash is the model's). */
function appliedState(model: ModelView, attrs: Parameters<typeof memoryState>[0]): StackState {
  const state = memoryState(attrs);
  const hashOf = (address: string): string =>
    model.resources.find((r) => r.address === address)?.hash ?? 'none';
  return {
    ...state,
    resources: state.resources.map((r) => ({ ...r, modelHash: hashOf(r.address) })),
  };
}

async function run(
  decide: (req: ObserveRequest) => CycleDecision[],
  o: { model?: ModelView; state?: StackState; onObserve?: (b: MemoryBackend) => void } = {},
) {
  const seen: ObserveRequest[] = [];
  const model = o.model ?? memoryModel([box(2)]);
  const backend = createMemoryBackend(o.state ?? appliedState(model, [box(2)]));
  const session = createMemorySession({
    observe: async (req) => {
      seen.push(req);
      o.onObserve?.(backend);
      return { decisions: decide(req), diagnostics: [] };
    },
  });
  const historyPath = join(mkdtempSync(join(tmpdir(), 'lh-cycle-')), 'demo.autoscale.json');
  const res = await runAutoscaleCycle({
    session,
    backend,
    model,
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

const scaleOut = (o: Partial<CycleDecision> = {}): CycleDecision =>
  decision({
    desired: 3,
    action: 'scale-out',
    reasons: ['rps 30 over target 10'],
    recommendation: { at: NOW.getTime(), replicas: 3 },
    ...o,
  });

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

  it('GIVEN the spec on disk differs from the last apply (image edited, not applied) WHEN a scale-out is due THEN nothing is planned or locked, and the decision says it was held and why', async () => {
    const applied = memoryModel([box(2)]);
    const edited = memoryModel([
      { ...box(2), attributes: { image: 'nginx:22', size: 1, count: 2 } },
    ]);
    const { res, backend, session, history } = await run(() => [scaleOut()], {
      model: edited,
      state: appliedState(applied, [box(2)]),
    });
    expect(res.applied).toBeNull();
    expect(session.planRequests).toEqual([]);
    expect(backend.calls).not.toContain('lock:apply');
    expect(res.unapplied).toEqual(['box.b']);
    expect(res.events).toMatchObject([
      { action: 'scale-out', outcome: 'skipped', blockedBy: 'unapplied-spec' },
    ]);
    expect(res.events[0]?.reasons).toEqual([
      'rps 30 over target 10',
      'held: the spec on disk differs from the last apply of box.b; the controller acts only on applied configuration',
    ]);
    expect(res.diagnostics).toMatchObject([
      { severity: 'warning', code: 'autoscale/unapplied-spec' },
    ]);
    // Held, not applied: no count change is recorded, so no cooldown starts.
    expect(history.resources['box.b']?.events).toEqual([]);
  });

  it('GIVEN a human applies a newer spec between the look and the lock WHEN the cycle applies THEN it is refused under the lock and nothing is sent', async () => {
    const model = memoryModel([box(2)]);
    const { res, backend } = await run(() => [scaleOut()], {
      model,
      onObserve: (b) => {
        const s = b.state as StackState;
        b.state = { ...s, resources: s.resources.map((r) => ({ ...r, modelHash: 'newer' })) };
      },
    });
    expect(backend.calls).toContain('lock:apply');
    expect(res.applied).toBe('refused');
    expect(backend.writes).toEqual([]);
    expect(backend.state?.resources[0]?.leases).toHaveLength(2);
    expect(res.unapplied).toEqual(['box.b']);
    expect(res.events).toMatchObject([{ outcome: 'skipped', blockedBy: 'unapplied-spec' }]);
    expect(res.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('GIVEN one instance with an unapplied edit and another due WHEN the cycle runs THEN only the other is applied', async () => {
    const other = { type: 'box', name: 'c', attributes: { image: 'nginx:1', size: 1, count: 1 } };
    const applied = memoryModel([box(2), other]);
    const edited = memoryModel([
      { ...box(2), attributes: { image: 'nginx:22', size: 1, count: 2 } },
      other,
    ]);
    const { res, session } = await run(
      () => [scaleOut(), scaleOut({ resource: 'box.c', current: 1, desired: 2 })],
      { model: edited, state: appliedState(applied, [box(2), other]) },
    );
    expect(res.applied).toBe('applied');
    expect(res.events).toMatchObject([
      { resource: 'box.b', outcome: 'skipped', blockedBy: 'unapplied-spec' },
      { resource: 'box.c', outcome: 'applied' },
    ]);
    expect(session.planRequests.map((r) => r.desired?.address)).not.toContain('box.b');
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
