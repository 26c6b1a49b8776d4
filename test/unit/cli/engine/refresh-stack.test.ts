import { describe, expect, it } from '@jest/globals';
import { errorDiag } from '../../../../cli/diag/index.js';
import { refreshStack } from '../../../../cli/engine/refresh-stack.js';
import type { RefreshResponse } from '../../../../cli/provider-api.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import {
  createMemoryBackend,
  createMemorySession,
  drift,
  memoryState,
} from '../../../support/in-memory-provider.js';

const box = { type: 'box', name: 'b', attributes: { image: 'nginx:1', size: 1, count: 2 } };
const input = (state: StackState | null, refresh?: (p: StackState | null) => RefreshResponse) => {
  const backend = createMemoryBackend(state);
  return {
    backend,
    run: () =>
      refreshStack({
        session: createMemorySession({ refresh }),
        backend,
        stack: 'demo',
        lock: true,
        lockTimeoutMs: 0,
        version: '0',
      }),
  };
};
const dropSecondLease = (s: StackState): StackState => ({
  ...s,
  resources: s.resources.map((r) => ({ ...r, leases: r.leases.slice(0, 1) })),
});

describe('refreshStack', () => {
  it('GIVEN the chain matches the state WHEN refreshed THEN nothing is written', async () => {
    const { backend, run } = input(memoryState([box]));
    const res = await run();
    expect(res.written).toBe(false);
    expect(backend.calls).toEqual(['lock:refresh', 'read', 'unlock']);
  });

  it('GIVEN only lease timestamps moved WHEN refreshed THEN nothing is written', async () => {
    const { run } = input(memoryState([box]), (p) => ({
      state: {
        ...p!,
        resources: p!.resources.map((r) => ({
          ...r,
          leases: r.leases.map((l) => ({ ...l, updatedAt: '2027-01-01T00:00:00Z' })),
        })),
      },
      drift: [],
      diagnostics: [],
    }));
    expect((await run()).written).toBe(false);
  });

  it('GIVEN a lease closed outside WHEN refreshed THEN the state is written at serial + 1 with the same lineage, and the drift reported', async () => {
    const { backend, run } = input(memoryState([box], 4), (p) => ({
      state: dropSecondLease(p!),
      drift: [drift('closed-outside', 'box.b[1]')],
      diagnostics: [],
    }));
    const res = await run();
    expect(res.written).toBe(true);
    expect(backend.writes[0]).toMatchObject({ serial: 5, lineage: 'lineage-1' });
    expect(backend.writes[0]?.resources[0]?.leases).toHaveLength(1);
    expect(res.drift.map((d) => d.kind)).toEqual(['closed-outside']);
    expect(backend.lock).toBeNull();
  });

  it('GIVEN refresh reports an error WHEN refreshed THEN nothing is written', async () => {
    const { backend, run } = input(memoryState([box]), (p) => ({
      state: dropSecondLease(p!),
      drift: [],
      diagnostics: [errorDiag({ code: 'marketplace/rpc-failed', summary: 'RPC failed' })],
    }));
    const res = await run();
    expect(res.written).toBe(false);
    expect(backend.writes).toEqual([]);
  });

  it('GIVEN no state but adopted leases WHEN refreshed THEN a new lineage is written at serial 1', async () => {
    const found = memoryState([box]);
    const { backend, run } = input(null, () => ({
      state: found,
      drift: [drift('adopted', 'box.b[0]')],
      diagnostics: [],
    }));
    await run();
    expect(backend.writes[0]?.serial).toBe(1);
    expect(backend.writes[0]?.lineage).toMatch(/^[0-9a-f-]{36}$/);
  });
});
