import { describe, expect, it } from '@jest/globals';
import { countOutcomes } from '../../../../cli/engine/apply-events.js';
import type { ApplyProgressEvent } from '../../../../cli/engine/apply-events.js';
import { DEFAULT_APPLY_TIMEOUTS, applyPlan } from '../../../../cli/engine/apply-plan.js';
import { planStack } from '../../../../cli/engine/plan-stack.js';
import type { PlanMode } from '../../../../cli/plan/plan-types.js';
import type { ModelView } from '../../../../cli/provider-api.js';
import { secretHmac } from '../../../../cli/state/secret-hmac.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import type { MemoryApplyOptions } from '../../../support/in-memory-apply.js';
import {
  createMemoryBackend,
  createMemorySession,
  memoryModel,
  memoryState,
} from '../../../support/in-memory-provider.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const box = (attrs: Record<string, unknown> = {}) => ({
  type: 'box',
  name: 'b',
  attributes: { image: 'nginx:1', size: 1, count: 3, ...attrs },
});
const watch = { type: 'watch', name: 'w', attributes: { instance: 'box.b', path: '/health' } };
const urlOutput = {
  url: { value: '${box.b.endpoints[0]}', references: ['box.b'], sensitive: false },
};

async function apply(opts: {
  model?: ModelView | null;
  state?: StackState | null;
  mode?: PlanMode;
  apply?: MemoryApplyOptions;
  parallelism?: number | null;
  rpcRequestsPerSecond?: number;
  env?: Record<string, string>;
  controller?: AbortController;
}) {
  const memory = createMemorySession({ apply: opts.apply });
  const session =
    opts.rpcRequestsPerSecond === undefined
      ? memory
      : { ...memory, limits: { rpcRequestsPerSecond: opts.rpcRequestsPerSecond } };
  const backend = createMemoryBackend(opts.state ?? null);
  const model = opts.model === undefined ? memoryModel([box(), watch], urlOutput) : opts.model;
  const planned = await planStack({
    session,
    backend,
    stack: 'demo',
    model,
    mode: opts.mode ?? 'normal',
    refresh: true,
    targets: [],
    replace: [],
    lock: false,
    lockTimeoutMs: 0,
    version: '0.1.0',
    now: NOW,
  });
  const events: ApplyProgressEvent[] = [];
  const res = await applyPlan({
    session,
    backend,
    state: planned.state,
    model: opts.mode === 'destroy' ? null : model,
    plan: planned.plan,
    stateChanged: true,
    parallelism: opts.parallelism === undefined ? 10 : opts.parallelism,
    env: opts.env ?? {},
    signal: (opts.controller ?? new AbortController()).signal,
    emit: (e) => events.push(e),
    timeouts: DEFAULT_APPLY_TIMEOUTS,
    now: () => NOW,
  });
  return { res, session, backend, events, chain: memory.chain };
}

// A turn of the event loop, so other slots get to start: no clock involved.
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('applyPlan', () => {
  it('GIVEN no state WHEN applied THEN every slot is ready, attributes and outputs are written, the journal is empty', async () => {
    const { res, chain, backend } = await apply({});
    expect(res.outcomes.map((o) => `${o.status} ${o.address}`)).toEqual([
      'done box.b[0]',
      'done box.b[1]',
      'done box.b[2]',
      'done watch.w',
    ]);
    expect(chain.active.size).toBe(3);
    const b = res.state.resources.find((r) => r.address === 'box.b');
    expect(b?.leases.map((l) => `${l.key}:${l.status}`)).toEqual(['0:ready', '1:ready', '2:ready']);
    expect(b?.attributes).toEqual(box().attributes);
    expect(res.state.outputs['url']?.value).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(res.state.journal).toEqual([]);
    expect(res.state.lineage).not.toBe('');
    expect(res.state.tenant).toBe('0x00000000000000000000000000000000000000aa');
    expect(backend.state).toEqual(res.state);
  });

  it('GIVEN a create WHEN its order is sent THEN the intent was written to state before it', async () => {
    const { backend, chain } = await apply({ model: memoryModel([box({ count: 1 })]) });
    const firstIntent = backend.writes.findIndex((s) =>
      s.journal.some((j) => j.operation === 'create-order' && j.txHash === null),
    );
    const withTx = backend.writes.findIndex((s) => s.journal.some((j) => j.txHash === '0xtx1000'));
    expect(firstIntent).toBeGreaterThanOrEqual(0);
    expect(withTx).toBeGreaterThan(firstIntent);
    expect(chain.sent).toEqual(['create box.b[0]']);
  });

  it('GIVEN parallelism 2 and 6 slots WHEN applied THEN at most 2 slots run at once', async () => {
    const { res, chain } = await apply({
      model: memoryModel([box({ count: 6 })]),
      parallelism: 2,
      apply: { onApply: tick },
    });
    expect(chain.maxConcurrent).toBe(2);
    expect(countOutcomes(res.outcomes).added).toBe(6);
  });

  it('GIVEN no --parallelism and 30 slots WHEN applied THEN every slot runs at once (no fixed 10)', async () => {
    const { res, chain } = await apply({
      model: memoryModel([box({ count: 30 })]),
      parallelism: null,
      apply: { onApply: tick },
    });
    expect(chain.maxConcurrent).toBe(30);
    expect(countOutcomes(res.outcomes).added).toBe(30);
  });

  it('GIVEN no --parallelism and a network declaring 3 RPC requests a second WHEN 30 slots are applied THEN the rate bounds them', async () => {
    // 3 requests/s × 2 s blocks (the memory session's) ÷ 2 requests per slot and block = 3.
    const { chain } = await apply({
      model: memoryModel([box({ count: 30 })]),
      parallelism: null,
      rpcRequestsPerSecond: 3,
      apply: { onApply: tick },
    });
    expect(chain.maxConcurrent).toBe(3);
  });

  it('GIVEN scale-in and a replacement WHEN applied THEN every close comes after every create', async () => {
    const state = memoryState([box()]);
    const { res, chain } = await apply({ state, model: memoryModel([box({ count: 1, size: 2 })]) });
    expect(chain.sent.slice(0, 1)).toEqual(['create box.b[0]']);
    expect(chain.sent.slice(1).sort()).toEqual(['close 100', 'close 101', 'close 102']);
    expect(res.state.resources[0]?.leases.map((l) => l.leaseId)).toEqual(['1000']);
    expect(countOutcomes(res.outcomes)).toMatchObject({ added: 1, destroyed: 3 });
  });

  it('GIVEN one slot that finds no match WHEN applied THEN the others are recorded, the resource keeps no attributes and its dependent is not started', async () => {
    const { res } = await apply({ apply: { failSlots: ['box.b[1]'] } });
    expect(res.outcomes.map((o) => `${o.status} ${o.address}`)).toEqual([
      'done box.b[0]',
      'failed box.b[1]',
      'done box.b[2]',
      'not-started watch.w',
    ]);
    expect(res.diagnostics.map((d) => `${d.code} ${d.address}`)).toEqual([
      'apply/no-match box.b[1]',
    ]);
    const b = res.state.resources.find((r) => r.address === 'box.b');
    expect(b?.leases.map((l) => l.key)).toEqual(['0', '2']);
    expect(b?.attributes).toBeNull();
    expect(b?.modelHash).toBe('uncommitted');
    expect(res.state.resources.some((r) => r.address === 'watch.w')).toBe(false);
    expect(countOutcomes(res.outcomes)).toEqual({
      added: 2,
      changed: 0,
      destroyed: 0,
      failed: 1,
      notStarted: 1,
    });
  });

  it('GIVEN Ctrl-C while two slots are in flight WHEN applied THEN those finish and record, nothing else starts', async () => {
    const controller = new AbortController();
    const { res, chain } = await apply({
      model: memoryModel([box({ count: 5 })]),
      parallelism: 2,
      controller,
      apply: {
        onApply: async () => {
          controller.abort();
          await tick();
        },
      },
    });
    expect(res.interrupted).toBe(true);
    expect(res.outcomes.map((o) => o.status)).toEqual([
      'done',
      'done',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(chain.sent).toHaveLength(2);
    expect(res.state.resources[0]?.leases.map((l) => l.status)).toEqual(['ready', 'ready']);
  });

  it('GIVEN a secret whose variable is not set WHEN applied THEN nothing is sent or written', async () => {
    const model = memoryModel([box({ secret: { fromEnv: 'DB_PASSWORD' } })]);
    const { res, chain, backend } = await apply({ model });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['apply/missing-secret']);
    expect(res.diagnostics[0]?.detail).toContain('DB_PASSWORD');
    expect(chain.sent).toEqual([]);
    expect(chain.escrowCalls).toBe(0);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN the secret is set WHEN applied THEN its value reaches no state and no event', async () => {
    const model = memoryModel([box({ count: 1, secret: { fromEnv: 'DB_PASSWORD' } })]);
    const { res, backend, events } = await apply({ model, env: { DB_PASSWORD: 's3cr3t-v4lue' } });
    expect(res.diagnostics).toEqual([]);
    expect(JSON.stringify([backend.writes, events])).not.toContain('s3cr3t-v4lue');
  });

  it('GIVEN a secret and a state without a salt WHEN applied THEN the state gets a salt and the provider the HMAC of the value under it, never the value', async () => {
    const model = memoryModel([box({ count: 1, secret: { fromEnv: 'DB_PASSWORD' } })]);
    const seen: (ReadonlyMap<string, string> | undefined)[] = [];
    const { res, backend } = await apply({
      model,
      env: { DB_PASSWORD: 's3cr3t-v4lue' },
      apply: { onApply: async (_c, req) => void seen.push(req.secretHmacs) },
    });
    const salt = res.state.secretSalt ?? '';
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(backend.writes[0]?.secretSalt).toBe(salt);
    expect(seen).toEqual([
      new Map([['DB_PASSWORD', secretHmac({ salt, name: 'DB_PASSWORD', value: 's3cr3t-v4lue' })]]),
    ]);
  });

  it('GIVEN escrow that cannot cover the plan WHEN applied THEN it stops before any order', async () => {
    const { res, chain, backend } = await apply({ apply: { escrowShortfall: 5n } });
    expect(res.diagnostics.map((d) => d.code)).toEqual(['apply/insufficient-funds']);
    expect(chain.sent).toEqual([]);
    expect(backend.writes).toEqual([]);
    expect(res.outcomes.every((o) => o.status === 'not-started')).toBe(true);
  });

  it('GIVEN a stack WHEN a destroy plan is applied THEN every lease is closed and the state holds no resource', async () => {
    const state = memoryState([box(), watch]);
    const { res, chain } = await apply({ state, mode: 'destroy' });
    expect(chain.sent.sort()).toEqual(['close 100', 'close 101', 'close 102']);
    expect(res.state.resources).toEqual([]);
    expect(res.state.outputs).toEqual({});
    expect(countOutcomes(res.outcomes)).toMatchObject({ destroyed: 4, failed: 0 });
  });

  it('GIVEN an image change WHEN applied THEN slots update in place and keep their lease ids', async () => {
    const state = memoryState([box()]);
    const { res, chain } = await apply({ state, model: memoryModel([box({ image: 'nginx:2' })]) });
    expect(chain.sent).toEqual(['update 100', 'update 101', 'update 102']);
    expect(res.state.resources[0]?.leases.map((l) => l.leaseId)).toEqual(['100', '101', '102']);
    expect(res.state.resources[0]?.attributes).toMatchObject({ image: 'nginx:2' });
  });

  it('GIVEN a run WHEN events are emitted THEN each slot starts before its provider events and ends with slot-done', async () => {
    const { events } = await apply({ model: memoryModel([box({ count: 1 })]) });
    expect(events.map((e) => e.type)).toEqual([
      'slot-started',
      'order-created',
      'lease-matched',
      'replica-ready',
      'slot-done',
    ]);
  });
});
