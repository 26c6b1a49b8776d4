import { describe, expect, it } from '@jest/globals';
import { LeaseholdError } from '../../../../cli/diag/index.js';
import { StateWriter } from '../../../../cli/state/state-writer.js';
import type { StackState, StateBackend } from '../../../../cli/state/state-types.js';
import { sampleState } from './state-fixtures.js';

/** A backend whose writes fail from the `failFrom`-th on (the database went away). */
function flakyBackend(failFrom: number): { backend: StateBackend; written: StackState[] } {
  const written: StackState[] = [];
  let n = 0;
  const backend: StateBackend = {
    location: 'pg://db:5432/team/leasehold/shop',
    read: async () => written.at(-1) ?? null,
    write: async (s) => {
      n++;
      if (n >= failFrom)
        throw new LeaseholdError({
          code: 'state/pg-connection-lost',
          summary: 'Lost the connection to PostgreSQL',
        });
      written.push(s);
    },
    acquireLock: async () => ({
      id: 'l',
      operation: 'apply',
      who: 'me',
      version: '0',
      created: '',
      path: '',
    }),
    releaseLock: async () => undefined,
    forceUnlock: async () => undefined,
    readLock: async () => null,
  };
  return { backend, written };
}

const entry = (id: string) => ({
  id,
  operation: 'create-order',
  address: 'instance.web',
  key: '0',
  orderId: null,
  txHash: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('StateWriter after a failed store write', () => {
  it('GIVEN the store fails WHEN more mutations come THEN no intent is recorded (nothing new is sent), results are kept in memory as the unsaved state', async () => {
    const { backend, written } = flakyBackend(2);
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 1 }) });
    await writer.recordIntent(entry('a'));
    await expect(writer.mutate((s) => ({ ...s, tenant: null }))).rejects.toMatchObject({
      code: 'state/pg-connection-lost',
    });
    expect(writer.writeFailure).not.toBeNull();
    await expect(writer.recordIntent(entry('b'))).rejects.toMatchObject({
      code: 'state/pg-connection-lost',
    });
    await expect(writer.mutate((s) => ({ ...s, outputs: {} }))).rejects.toMatchObject({
      code: 'state/pg-connection-lost',
    });
    expect(written.map((s) => s.serial)).toEqual([2]);
    const unsaved = writer.unsaved;
    expect(unsaved?.tenant).toBeNull();
    expect(unsaved?.outputs).toEqual({});
    expect(unsaved?.journal.map((e) => e.id)).toEqual(['a']);
    expect(unsaved?.serial).toBe(4);
    expect(writer.state.serial).toBe(2);
  });

  it('GIVEN a write refused for its content (wrong stack) THEN the writer is not poisoned', async () => {
    const { backend } = flakyBackend(99);
    const refusing: StateBackend = {
      ...backend,
      write: async (s) => {
        if (s.stack !== 'shop')
          throw new LeaseholdError({ code: 'state/wrong-stack', summary: 'x' });
        await backend.write(s);
      },
    };
    const writer = new StateWriter({ backend: refusing, initial: sampleState({ serial: 1 }) });
    await expect(writer.mutate((s) => ({ ...s, stack: 'other' }))).rejects.toMatchObject({
      code: 'state/wrong-stack',
    });
    expect(writer.writeFailure).toBeNull();
    expect((await writer.recordIntent(entry('c'))).serial).toBe(2);
  });
});
