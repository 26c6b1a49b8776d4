import { describe, expect, it } from '@jest/globals';
import { errorDiag, warningDiag } from '../../../../cli/diag/index.js';
import { DEFAULT_APPLY_TIMEOUTS } from '../../../../cli/engine/apply-plan.js';
import { applyStack } from '../../../../cli/engine/apply-stack.js';
import type { ApplyStackInput } from '../../../../cli/engine/apply-stack.js';
import { decideApproval } from '../../../../cli/engine/decide-approval.js';
import { planStack } from '../../../../cli/engine/plan-stack.js';
import { encodePlan } from '../../../../cli/plan/plan-file.js';
import type { Plan } from '../../../../cli/plan/plan-types.js';
import { StateLockedError } from '../../../../cli/state/state-errors.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import {
  createMemoryBackend,
  createMemorySession,
  memoryModel,
  memoryState,
} from '../../../support/in-memory-provider.js';
import type { MemoryBackend, MemorySession } from '../../../support/in-memory-provider.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const box = (count: number) => ({
  type: 'box',
  name: 'b',
  attributes: { image: 'nginx:1', size: 1, count },
});

function input(
  session: MemorySession,
  backend: MemoryBackend,
  extra: Partial<ApplyStackInput> = {},
): ApplyStackInput {
  return {
    session,
    backend,
    model: memoryModel([box(2)]),
    planFile: null,
    mode: 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: true,
    lockTimeoutMs: 0,
    version: '0.1.0',
    parallelism: 10,
    env: {},
    signal: new AbortController().signal,
    emit: () => undefined,
    timeouts: DEFAULT_APPLY_TIMEOUTS,
    now: () => NOW,
    confirm: async () => true,
    ...extra,
  };
}

async function savedPlan(state: StackState | null, count = 2): Promise<Plan> {
  const res = await planStack({
    session: createMemorySession(),
    backend: createMemoryBackend(state),
    stack: 'demo',
    model: memoryModel([box(count)]),
    mode: 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: false,
    lockTimeoutMs: 0,
    version: '0.1.0',
    now: NOW,
  });
  return res.plan;
}

describe('applyStack', () => {
  it('GIVEN a fresh plan WHEN confirmed THEN it is applied under the apply lock, which is released', async () => {
    const session = createMemorySession();
    const backend = createMemoryBackend(null);
    const shown: Plan[] = [];
    const res = await applyStack(
      input(session, backend, { confirm: async (p) => (shown.push(p), true) }),
    );
    expect(res.status).toBe('applied');
    expect(shown).toHaveLength(1);
    expect(backend.calls[0]).toBe('lock:apply');
    expect(backend.calls.at(-1)).toBe('unlock');
    expect(backend.lock).toBeNull();
    expect(session.chain.active.size).toBe(2);
  });

  it('GIVEN the prompt is declined WHEN applying THEN it is cancelled and nothing is sent or written', async () => {
    const session = createMemorySession();
    const backend = createMemoryBackend(null);
    const res = await applyStack(input(session, backend, { confirm: async () => false }));
    expect(res.status).toBe('cancelled');
    expect(session.chain.sent).toEqual([]);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN nothing to change WHEN applying THEN no-changes, no prompt', async () => {
    const model = memoryModel([box(2)]);
    const base = memoryState([box(2)]);
    const state: StackState = {
      ...base,
      tenant: createMemorySession().tenant,
      resources: base.resources.map((r) => ({ ...r, modelHash: model.resources[0]?.hash ?? '' })),
    };
    const backend = createMemoryBackend(state);
    let asked = false;
    const res = await applyStack(
      input(createMemorySession(), backend, {
        model,
        confirm: async () => ((asked = true), true),
      }),
    );
    expect(res.status).toBe('no-changes');
    expect(asked).toBe(false);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN nothing to change but refresh adopted a lease WHEN applying THEN the refreshed state is written, no prompt', async () => {
    const adopted = memoryState([box(1)]);
    const session = createMemorySession({
      refresh: () => ({ state: adopted, drift: [], diagnostics: [] }),
    });
    const backend = createMemoryBackend({ ...adopted, resources: [] });
    const res = await applyStack(
      input(session, backend, {
        model: memoryModel([box(1)]),
        confirm: async () => {
          throw new Error('must not ask');
        },
      }),
    );
    expect(res.status).toBe('no-changes');
    expect(backend.state?.resources.map((r) => r.leases.length)).toEqual([1]);
    expect(session.chain.sent).toEqual([]);
  });

  it('GIVEN an order of a crashed apply still pending after the wait WHEN applying THEN refresh waited pendingMs, apply fails, nothing is sent or written', async () => {
    const journalled = {
      ...memoryState([]),
      journal: [
        {
          id: 'j1',
          operation: 'create-order',
          address: 'box.b',
          key: '0',
          orderId: null,
          txHash: `0x${'ab'.repeat(32)}`,
          createdAt: NOW.toISOString(),
        },
      ],
    };
    const asked: (number | undefined)[] = [];
    const session = createMemorySession({
      refresh: (prior, req) => {
        asked.push(req.pendingTimeoutMs);
        const pending = errorDiag({
          code: 'plan/order-pending',
          summary: 'An order of an earlier apply is still pending',
        });
        return { state: prior ?? journalled, drift: [], diagnostics: [pending] };
      },
    });
    const backend = createMemoryBackend(journalled);
    const res = await applyStack(
      input(session, backend, {
        timeouts: { ...DEFAULT_APPLY_TIMEOUTS, pendingMs: 7_000 },
        confirm: async () => {
          throw new Error('must not ask');
        },
      }),
    );
    expect(asked).toEqual([7_000]);
    expect(res.status).toBe('failed');
    expect(res.diagnostics.map((d) => d.code)).toEqual(['plan/order-pending']);
    expect(session.chain.sent).toEqual([]);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN a saved plan WHEN applied at once THEN it succeeds without a prompt', async () => {
    const plan = await savedPlan(null);
    const session = createMemorySession();
    const backend = createMemoryBackend(null);
    const res = await applyStack(
      input(session, backend, {
        planFile: encodePlan(plan),
        confirm: async () => {
          throw new Error('must not ask');
        },
      }),
    );
    expect(res.status).toBe('applied');
    expect(session.chain.active.size).toBe(2);
  });

  it('GIVEN a saved plan with a slot no provider can take WHEN applied THEN it is screened again and refused (apply/unmatched), nothing sent, unless allowed', async () => {
    const plan = await savedPlan(null);
    const unmatchedSession = (): MemorySession => {
      const base = createMemorySession();
      return Object.assign(base, {
        screenMatches: async () => ({
          diagnostics: [
            warningDiag({
              code: 'plan/no-matching-provider',
              summary: 'No provider can take this slot',
              address: 'box.b',
            }),
          ],
        }),
      });
    };
    const session = unmatchedSession();
    const refused = await applyStack(
      input(session, createMemoryBackend(null), {
        planFile: encodePlan(plan),
        screenMatches: true,
      }),
    );
    expect(refused.status).toBe('refused');
    expect(refused.diagnostics.map((d) => d.code)).toContain('apply/unmatched');
    expect(session.chain.sent).toEqual([]);
    const allowed = unmatchedSession();
    const res = await applyStack(
      input(allowed, createMemoryBackend(null), {
        planFile: encodePlan(plan),
        screenMatches: true,
        allowUnmatched: true,
      }),
    );
    expect(res.status).toBe('applied');
  });

  it('GIVEN a saved plan WHEN another apply changed the state first THEN it is refused as stale and nothing is sent', async () => {
    const plan = await savedPlan(null);
    const backend = createMemoryBackend(null);
    await applyStack(input(createMemorySession(), backend));
    const session = createMemorySession();
    const writes = backend.writes.length;
    const res = await applyStack(input(session, backend, { planFile: encodePlan(plan) }));
    expect(res.status).toBe('refused');
    expect(res.diagnostics.map((d) => [d.code, d.summary])).toEqual([
      ['apply/stale-plan', 'Saved plan is stale'],
    ]);
    expect(res.diagnostics[0]?.detail).toContain('lineage');
    expect(session.chain.sent).toEqual([]);
    expect(backend.writes.length).toBe(writes);
  });

  it('GIVEN a saved plan WHEN the spec changed since THEN it is refused as stale (model)', async () => {
    const state = memoryState([box(1)]);
    const plan = await savedPlan(state, 1);
    const session = createMemorySession();
    const res = await applyStack(
      input(session, createMemoryBackend(state), {
        planFile: encodePlan(plan),
        model: memoryModel([box(30)]),
      }),
    );
    expect(res.diagnostics.map((d) => d.code)).toEqual(['apply/stale-plan']);
    expect(res.diagnostics[0]?.detail).toContain('model');
    expect(session.chain.sent).toEqual([]);
  });

  it('GIVEN another operation holds the lock WHEN applying THEN it fails fast naming the holder and the state is intact', async () => {
    const state = memoryState([box(1)]);
    const backend = createMemoryBackend(state);
    await backend.acquireLock(
      { operation: 'apply', who: 'ci@runner (pid 7)', version: '0.1.0' },
      0,
    );
    const session = createMemorySession();
    await expect(applyStack(input(session, backend))).rejects.toThrow(StateLockedError);
    await expect(applyStack(input(session, backend))).rejects.toThrow(/ci@runner \(pid 7\)/);
    expect(backend.state).toBe(state);
    expect(session.chain.sent).toEqual([]);
  });
});

describe('decideApproval', () => {
  const base = {
    autoApprove: false,
    savedPlan: false,
    interactive: true,
    json: false,
    command: 'apply',
  };
  it('GIVEN a terminal WHEN not auto-approved THEN it prompts', () => {
    expect(decideApproval(base).kind).toBe('prompt');
  });
  it('GIVEN --auto-approve or a saved plan WHEN there is no terminal THEN it proceeds', () => {
    expect(decideApproval({ ...base, interactive: false, autoApprove: true }).kind).toBe('proceed');
    expect(decideApproval({ ...base, interactive: false, savedPlan: true }).kind).toBe('proceed');
  });
  it('GIVEN no terminal or --json WHEN not auto-approved THEN it refuses with apply/approval-required', () => {
    for (const d of [
      decideApproval({ ...base, interactive: false }),
      decideApproval({ ...base, json: true }),
    ]) {
      expect(d.kind === 'refuse' ? d.diagnostic.code : d.kind).toBe('apply/approval-required');
    }
  });
});
