import { describe, expect, it } from '@jest/globals';
import { importStack } from '../../../../cli/engine/import-stack.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import {
  createMemoryBackend,
  createMemorySession,
  drift,
  memoryState,
} from '../../../support/in-memory-provider.js';

const box = { type: 'box', name: 'b', attributes: { image: 'nginx:1', size: 1, count: 2 } };
const imported = {
  state: memoryState([box]),
  drift: [drift('adopted', 'box.b[0]'), drift('adopted', 'box.b[1]')],
  diagnostics: [],
};
const run = (state: StackState | null, force: boolean) => {
  const backend = createMemoryBackend(state);
  const session = createMemorySession({ imported });
  return {
    backend,
    result: importStack({
      session,
      backend,
      stack: 'demo',
      force,
      lock: true,
      lockTimeoutMs: 0,
      version: '0',
      lineage: 'fresh',
    }),
  };
};

describe('importStack', () => {
  it('GIVEN no state WHEN imported THEN the chain state is written with a fresh lineage at serial 1 and the adopted leases reported', async () => {
    const { backend, result } = run(null, false);
    const res = await result;
    expect(res.written).toBe(true);
    expect(backend.writes[0]).toMatchObject({ lineage: 'fresh', serial: 1 });
    expect(backend.writes[0]?.resources.map((r) => r.address)).toEqual(['box.b']);
    expect(res.adopted.map((d) => d.address)).toEqual(['box.b[0]', 'box.b[1]']);
    expect(backend.calls).toEqual(['lock:import', 'read', 'write', 'unlock']);
  });

  it('GIVEN an existing state WHEN imported without --force THEN import/state-exists, nothing written, lock released', async () => {
    const { backend, result } = run(memoryState([box]), false);
    await expect(result).rejects.toMatchObject({ code: 'import/state-exists' });
    expect(backend.writes).toEqual([]);
    expect(backend.lock).toBeNull();
  });

  it('GIVEN an existing state WHEN imported with --force THEN it is replaced', async () => {
    const { backend, result } = run(memoryState([box], 9), true);
    await result;
    expect(backend.writes[0]).toMatchObject({ lineage: 'fresh', serial: 1 });
  });
});
