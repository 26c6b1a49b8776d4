import { describe, expect, it } from '@jest/globals';
import { errorDiag } from '../../../../cli/diag/index.js';
import { planStack } from '../../../../cli/engine/plan-stack.js';
import type { PlanStackInput } from '../../../../cli/engine/plan-stack.js';
import type { Change, PlanMode } from '../../../../cli/plan/plan-types.js';
import type { ModelView } from '../../../../cli/provider-api.js';
import { secretHmac } from '../../../../cli/state/secret-hmac.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import {
  createMemoryBackend,
  createMemorySession,
  drift,
  memoryModel,
  memoryState,
} from '../../../support/in-memory-provider.js';
import type { MemorySessionOptions } from '../../../support/in-memory-provider.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const box = (attrs: Partial<{ image: string; size: number; count: number }> = {}) => ({
  type: 'box',
  name: 'b',
  attributes: { image: 'nginx:1', size: 1, count: 2, ...attrs },
});
const watch = { type: 'watch', name: 'w', attributes: { instance: 'box.b', path: '/health' } };

async function runPlan(opts: {
  model?: ModelView | null;
  state?: StackState | null;
  mode?: PlanMode;
  session?: MemorySessionOptions;
  extra?: Partial<PlanStackInput>;
}) {
  const session = createMemorySession(opts.session);
  const backend = createMemoryBackend(opts.state ?? null);
  const res = await planStack({
    session,
    backend,
    stack: 'demo',
    model: opts.model === undefined ? memoryModel([box(), watch]) : opts.model,
    mode: opts.mode ?? 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: true,
    lockTimeoutMs: 0,
    version: '0.1.0',
    now: NOW,
    ...opts.extra,
  });
  return { ...res, session, backend };
}

const pendingDiag = errorDiag({
  code: 'plan/order-pending',
  summary: 'An order of an earlier apply is still pending',
  address: 'box.b[0]',
});

const summary = (changes: readonly Change[]) =>
  changes.map((c) => `${c.action} ${c.address}${c.reason ? ` (${c.reason})` : ''}`);

describe('planStack', () => {
  it('GIVEN no state WHEN planned THEN every slot is created, dependencies first, nothing is written and the lock is released', async () => {
    const { plan, backend, diagnostics } = await runPlan({});
    expect(diagnostics).toEqual([]);
    expect(summary(plan.changes)).toEqual(['create box.b[0]', 'create box.b[1]', 'create watch.w']);
    expect(plan).toMatchObject({
      lineage: '',
      serial: 0,
      applyable: true,
      errored: false,
      complete: true,
    });
    expect(plan.createdAt).toBe(NOW.toISOString());
    expect(backend.calls).toEqual(['lock:plan', 'read', 'unlock']);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN state that matches the model WHEN planned THEN all no-op, not applyable, and the prior lineage and serial are kept', async () => {
    const { plan } = await runPlan({ state: memoryState([box(), watch], 7) });
    expect(summary(plan.changes)).toEqual(['no-op box.b[0]', 'no-op box.b[1]', 'no-op watch.w']);
    expect(plan).toMatchObject({ lineage: 'lineage-1', serial: 7, applyable: false });
  });

  it.each([
    ['image', box({ image: 'nginx:2' }), ['update box.b[0]', 'update box.b[1]']],
    [
      'size',
      box({ size: 2 }),
      [
        'create-then-delete box.b[0] (replace-because-cannot-update)',
        'create-then-delete box.b[1] (replace-because-cannot-update)',
      ],
    ],
    [
      'count up',
      box({ count: 3 }),
      ['no-op box.b[0]', 'no-op box.b[1]', 'create box.b[2] (scale-out)'],
    ],
    ['count down', box({ count: 1 }), ['no-op box.b[0]', 'delete box.b[1] (scale-in)']],
  ])(
    'GIVEN a %s change WHEN planned THEN the provider rule shows',
    async (_k, changed, expected) => {
      const { plan } = await runPlan({
        model: memoryModel([changed]),
        state: memoryState([box()]),
      });
      expect(summary(plan.changes)).toEqual(expected);
      expect(plan.applyable).toBe(true);
    },
  );

  it('GIVEN a resource removed from the model WHEN planned THEN it is destroyed because it has no config', async () => {
    const { plan } = await runPlan({
      model: memoryModel([box()]),
      state: memoryState([box(), watch]),
    });
    expect(summary(plan.changes)).toContain('delete watch.w (delete-because-no-config)');
  });

  it('GIVEN --destroy WHEN planned THEN every resource is planned with desired null and outputs go', async () => {
    const model = memoryModel([box(), watch], { url: { references: ['box.b'], sensitive: false } });
    const state = {
      ...memoryState([box(), watch]),
      outputs: { url: { value: 'x', sensitive: false } },
    };
    const { plan, session } = await runPlan({ model, state, mode: 'destroy' });
    expect(summary(plan.changes)).toEqual([
      'delete box.b[0] (delete-because-no-config)',
      'delete box.b[1] (delete-because-no-config)',
      'delete watch.w (delete-because-no-config)',
    ]);
    expect(session.planRequests.every((r) => r.desired === null && r.model === null)).toBe(true);
    expect(plan.outputs).toEqual({ url: { action: 'delete', sensitive: false } });
    expect(plan.mode).toBe('destroy');
  });

  it('GIVEN --refresh-only WHEN the chain drifted THEN no resource change, the drift, and applyable', async () => {
    const state = memoryState([box()]);
    const { plan } = await runPlan({
      state,
      mode: 'refresh-only',
      session: {
        refresh: (p) => ({
          state: p ?? state,
          drift: [drift('closed-outside', 'box.b[1]')],
          diagnostics: [],
        }),
      },
    });
    expect(plan.changes).toEqual([]);
    expect(plan.drift.map((d) => d.kind)).toEqual(['closed-outside']);
    expect(plan.applyable).toBe(true);
  });

  it('GIVEN --refresh-only WHEN only an unreachable provider drifted THEN not applyable', async () => {
    const state = memoryState([box()]);
    const { plan } = await runPlan({
      state,
      mode: 'refresh-only',
      session: {
        refresh: (p) => ({
          state: p ?? state,
          drift: [drift('unknown', 'box.b[0]')],
          diagnostics: [],
        }),
      },
    });
    expect(plan.applyable).toBe(false);
  });

  it('GIVEN a lease closed outside Leasehold WHEN refresh drops it THEN the plan recreates that slot', async () => {
    const state = memoryState([box()]);
    const refreshed = {
      ...state,
      resources: state.resources.map((r) => ({ ...r, leases: r.leases.slice(0, 1) })),
    };
    const { plan } = await runPlan({
      model: memoryModel([box()]),
      state,
      session: {
        refresh: () => ({
          state: refreshed,
          drift: [drift('closed-outside', 'box.b[1]')],
          diagnostics: [],
        }),
      },
    });
    expect(summary(plan.changes)).toEqual([
      'no-op box.b[0]',
      'create box.b[1] (create-because-missing)',
    ]);
    expect(plan.drift).toHaveLength(1);
  });

  it('GIVEN refresh reports an order of a crashed apply still pending WHEN planned THEN the wait reaches refresh, and the plan is errored and changes nothing', async () => {
    const asked: (number | undefined)[] = [];
    const { plan, diagnostics } = await runPlan({
      session: {
        refresh: (prior, req) => {
          asked.push(req.pendingTimeoutMs);
          const state = prior ?? memoryState([]);
          return { state, drift: [], diagnostics: [pendingDiag] };
        },
      },
      extra: { pendingTimeoutMs: 5_000 },
    });
    expect(asked).toEqual([5_000]);
    expect(diagnostics.map((d) => d.code)).toEqual(['plan/order-pending']);
    expect(plan.changes).toEqual([]);
    expect(plan).toMatchObject({ errored: true, applyable: false });
  });

  it('GIVEN --refresh=chain WHEN planned THEN refresh is asked for the chain only, no provider status reads', async () => {
    const asked: (boolean | undefined)[] = [];
    await runPlan({
      session: {
        refresh: (prior, req) => {
          asked.push(req.providerStatus);
          return { state: prior ?? memoryState([]), drift: [], diagnostics: [] };
        },
      },
      extra: { refresh: 'chain' },
    });
    expect(asked).toEqual([false]);
  });

  it('GIVEN --refresh=false WHEN planned THEN the session is never asked to refresh', async () => {
    const { plan } = await runPlan({
      state: memoryState([box(), watch]),
      session: { refreshError: new Error('RPC down') },
      extra: { refresh: false },
    });
    expect(plan.errored).toBe(false);
    expect(plan.drift).toEqual([]);
  });

  it('GIVEN --target on a dependent WHEN planned THEN its dependency is planned too and the plan is incomplete', async () => {
    const { plan } = await runPlan({
      model: memoryModel([box(), watch, { ...watch, name: 'x' }]),
      extra: { targets: ['watch.w'] },
    });
    expect(summary(plan.changes)).toEqual(['create box.b[0]', 'create box.b[1]', 'create watch.w']);
    expect(plan.complete).toBe(false);
  });

  it('GIVEN --target on one slot WHEN planned THEN only that slot changes', async () => {
    const { plan } = await runPlan({
      model: memoryModel([box({ count: 3 })]),
      extra: { targets: ['box.b[2]'] },
    });
    expect(summary(plan.changes)).toEqual(['create box.b[2]']);
    expect(plan.complete).toBe(false);
  });

  it('GIVEN an unknown --target WHEN planned THEN an error names it and the plan is errored', async () => {
    const { plan, diagnostics } = await runPlan({ extra: { targets: ['box.nope'] } });
    expect(diagnostics.map((d) => d.code)).toEqual(['plan/target-not-found']);
    expect(diagnostics[0]?.detail).toContain('box.b');
    expect(plan).toMatchObject({ errored: true, applyable: false, changes: [] });
  });

  it('GIVEN --replace of one slot WHEN planned THEN only that slot is replaced by request', async () => {
    const { plan, session } = await runPlan({
      state: memoryState([box(), watch]),
      extra: { replace: ['box.b[1]'] },
    });
    expect(summary(plan.changes)).toEqual([
      'no-op box.b[0]',
      'create-then-delete box.b[1] (replace-by-request)',
      'no-op watch.w',
    ]);
    expect(session.planRequests.map((r) => r.options.replace)).toEqual([['box.b[1]'], []]);
  });

  it.each([
    [['box.zzz'], 'normal', 'plan/replace-not-found'],
    [['box.b'], 'destroy', 'plan/replace-with-destroy'],
  ] as const)('GIVEN --replace %j in %s mode THEN %s', async (replace, mode, code) => {
    const { plan, diagnostics } = await runPlan({
      state: memoryState([box()]),
      mode,
      extra: { replace },
    });
    expect(diagnostics.map((d) => d.code)).toEqual([code]);
    expect(plan.errored).toBe(true);
  });

  it('GIVEN a tainted slot WHEN planned THEN it is replaced because tainted', async () => {
    const { plan } = await runPlan({
      model: memoryModel([box()]),
      state: memoryState([{ ...box(), tainted: ['0'] }]),
    });
    expect(summary(plan.changes)[0]).toBe('create-then-delete box.b[0] (replace-because-tainted)');
  });

  it('GIVEN an autoscaling policy on the box WHEN planned THEN the provider is told to keep the live count', async () => {
    const policy = {
      type: 'autoscaling_policy',
      name: 'b',
      attributes: { instance: 'box.b', min: 1, max: 5 },
    };
    const { plan, session } = await runPlan({
      model: memoryModel([box({ count: 4 }), policy]),
      state: memoryState([box(), policy]),
    });
    expect(session.planRequests[0]?.options.ignoreCount).toBe(true);
    expect(session.planRequests[1]?.options.ignoreCount).toBe(false);
    expect(plan.errored).toBe(false);
    expect(summary(plan.changes)).toEqual([
      'no-op box.b[0]',
      'no-op box.b[1]',
      'no-op autoscaling_policy.b',
    ]);
  });

  it('GIVEN outputs WHEN planned THEN new ones are created, gone ones deleted, those over changed resources updated', async () => {
    const model = memoryModel([box({ image: 'nginx:2' })], {
      url: { references: ['box.b'], sensitive: false },
      token: { references: [], sensitive: true },
      fixed: { references: [], sensitive: false },
    });
    const state = {
      ...memoryState([box()]),
      outputs: {
        url: { value: 'a', sensitive: false },
        old: { value: 'b', sensitive: false },
        fixed: { value: 'c', sensitive: false },
      },
    };
    const { plan } = await runPlan({ model, state });
    expect(plan.outputs).toEqual({
      fixed: { action: 'no-op', sensitive: false },
      old: { action: 'delete', sensitive: false },
      token: { action: 'create', sensitive: true },
      url: { action: 'update', sensitive: false },
    });
  });

  it('GIVEN only an output change WHEN planned THEN the plan is applyable', async () => {
    const model = memoryModel([box()], { url: { references: ['box.b'], sensitive: false } });
    const { plan } = await runPlan({ model, state: memoryState([box()]) });
    expect(plan.applyable).toBe(true);
  });

  it('GIVEN the cost exceeds the budget WHEN planned THEN the plan is errored and not applyable', async () => {
    const { plan, diagnostics } = await runPlan({ session: { budget: 2_000_000n } });
    expect(diagnostics.map((d) => d.code)).toEqual(['plan/budget-exceeded']);
    expect(plan).toMatchObject({ errored: true, applyable: false });
    expect(plan.cost[0]?.perHourAfter).toBe('3000000');
  });

  it('GIVEN refresh throws WHEN planning THEN the error propagates and the lock is still released', async () => {
    const session = createMemorySession({ refreshError: new Error('RPC down') });
    const backend = createMemoryBackend(memoryState([box()]));
    const input = {
      session,
      backend,
      stack: 'demo',
      model: memoryModel([box()]),
      mode: 'normal' as const,
      refresh: true,
      targets: [],
      replace: [],
      lock: true,
      lockTimeoutMs: 0,
      version: '0',
      now: NOW,
    };
    await expect(planStack(input)).rejects.toThrow('RPC down');
    expect(backend.calls).toEqual(['lock:plan', 'read', 'unlock']);
    expect(backend.lock).toBeNull();
  });

  it('GIVEN another holder of the lock WHEN planning THEN it fails with state/locked and reads nothing', async () => {
    const session = createMemorySession();
    const backend = createMemoryBackend(memoryState([box()]));
    backend.lock = {
      id: 'other',
      operation: 'apply',
      who: 'ci@runner (pid 9)',
      version: '0.1.0',
      created: '2026-01-01T00:00:00Z',
      path: backend.location,
    };
    const input = {
      session,
      backend,
      stack: 'demo',
      model: memoryModel([box()]),
      mode: 'normal' as const,
      refresh: true,
      targets: [],
      replace: [],
      lock: true,
      lockTimeoutMs: 0,
      version: '0',
      now: NOW,
    };
    await expect(planStack(input)).rejects.toMatchObject({ code: 'state/locked' });
    expect(backend.calls).toEqual(['lock:plan']);
    expect(backend.lock?.id).toBe('other');
  });

  it('GIVEN --lock=false WHEN planned THEN no lock is taken', async () => {
    const { backend } = await runPlan({ extra: { lock: false } });
    expect(backend.calls).toEqual(['read']);
  });

  it.each([
    ['a create with a before', (cs: Change[]) => cs.map((c) => ({ ...c, before: { x: 1 } }))],
    [
      'a change of another resource',
      (cs: Change[]) => cs.map((c) => ({ ...c, address: 'box.other[0]', resource: 'box.other' })),
    ],
    ['a slot planned twice', (cs: Change[]) => [...cs, ...cs]],
    ['a wrong slot key', (cs: Change[]) => cs.map((c) => ({ ...c, key: null }))],
  ])(
    'GIVEN the provider returns %s WHEN planned THEN core/invalid-provider-plan and the plan is errored',
    async (_k, corrupt) => {
      const { plan, diagnostics } = await runPlan({
        model: memoryModel([box()]),
        session: { corrupt },
      });
      expect(diagnostics.map((d) => d.code)).toContain('core/invalid-provider-plan');
      expect(diagnostics[0]?.address).toBe('box.b');
      expect(plan).toMatchObject({ errored: true, applyable: false, changes: [] });
    },
  );

  it('GIVEN the provider calls a no-op what differs from the config WHEN planned THEN core/invalid-provider-plan', async () => {
    const corrupt = (cs: Change[]) =>
      cs.map((c) => ({ ...c, action: 'no-op' as const, after: c.before }));
    const { diagnostics } = await runPlan({
      model: memoryModel([box({ image: 'nginx:2' })]),
      state: memoryState([box()]),
      session: { corrupt },
    });
    expect(diagnostics.map((d) => d.code)).toEqual([
      'core/invalid-provider-plan',
      'core/invalid-provider-plan',
    ]);
    expect(diagnostics[0]?.detail).toContain('"image"');
  });

  describe('secrets compared through HMACs', () => {
    const SALT = 'ab'.repeat(32);
    const secretBox = {
      type: 'box',
      name: 'b',
      attributes: { image: 'nginx:1', size: 1, count: 1, secret: { fromEnv: 'BOX_KEY' } },
    };
    const other = { ...watch, attributes: { ...watch.attributes, token: { fromEnv: 'UNSET' } } };
    const salted = { ...memoryState([secretBox]), secretSalt: SALT };

    it('GIVEN a salted state and secretEnv WHEN planned THEN each set variable reaches the provider as its HMAC, never its value; an unset one not at all', async () => {
      const { session } = await runPlan({
        model: memoryModel([secretBox, other]),
        state: salted,
        extra: { secretEnv: { BOX_KEY: 'rotated-value-2', UNSET: undefined } },
      });
      const hmacs = session.planRequests[0]?.secretHmacs;
      expect(hmacs).toEqual(
        new Map([
          ['BOX_KEY', secretHmac({ salt: SALT, name: 'BOX_KEY', value: 'rotated-value-2' })],
        ]),
      );
      for (const req of session.planRequests) {
        expect(req.secretHmacs).toBe(hmacs);
        expect(JSON.stringify([...(req.secretHmacs ?? [])])).not.toContain('rotated-value-2');
      }
    });

    it('GIVEN no secretEnv (the autoscaler), a state without a salt, or a destroy WHEN planned THEN secrets are not compared', async () => {
      const model = memoryModel([secretBox]);
      const env = { BOX_KEY: 'rotated-value-2' };
      const runs = [
        await runPlan({ model, state: salted }),
        await runPlan({ model, state: memoryState([secretBox]), extra: { secretEnv: env } }),
        await runPlan({ model, state: salted, mode: 'destroy', extra: { secretEnv: env } }),
      ];
      for (const { session } of runs)
        expect(session.planRequests.map((r) => r.secretHmacs)).toEqual([undefined]);
    });
  });
});
