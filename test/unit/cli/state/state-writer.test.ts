import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createLocalBackend } from '../../../../cli/state/local-backend.js';
import { StateWriter } from '../../../../cli/state/state-writer.js';
import type { JournalEntry, StackState, StateBackend } from '../../../../cli/state/state-types.js';
import { lease, sampleState } from './state-fixtures.js';

/** The real local backend, wrapped to record how many writes overlap. */
async function countingBackend(): Promise<{
  backend: StateBackend;
  stats: { inFlight: number; maxInFlight: number; writes: number[] };
}> {
  const real = createLocalBackend({
    dir: await mkdtemp(join(tmpdir(), 'lh-writer-')),
    stack: 'shop',
  });
  const stats = { inFlight: 0, maxInFlight: 0, writes: [] as number[] };
  const backend: StateBackend = {
    ...real,
    location: real.location,
    write: async (s: StackState) => {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        await real.write(s);
        stats.writes.push(s.serial);
      } finally {
        stats.inFlight--;
      }
    },
  };
  return { backend, stats };
}

const intent = (id: string): JournalEntry => ({
  id,
  operation: 'create-order',
  address: 'instance.web',
  key: '2',
  orderId: null,
  txHash: null,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('StateWriter', () => {
  it('GIVEN 40 concurrent mutations WHEN they settle THEN each ran once, in call order, one write at a time, serial +1 per write', async () => {
    const { backend, stats } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 3 }) });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writer.mutate((s) => ({
          ...s,
          outputs: {
            ...s.outputs,
            [`o${i}`]: { value: String(Object.keys(s.outputs).length), sensitive: false },
          },
        })),
      ),
    );
    // Each resolved with a snapshot on disk that holds it; serials rise by one per write.
    expect(stats.maxInFlight).toBe(1);
    expect(stats.writes).toEqual(Array.from({ length: stats.writes.length }, (_, i) => 4 + i));
    expect(new Set(results.map((s) => s.serial))).toEqual(new Set(stats.writes));
    results.forEach((s, i) => expect(s.outputs[`o${i}`]).toBeDefined());
    // Mutation i saw the i outputs before it (the sample has one), so the queue kept call order.
    expect(writer.state.outputs['o39']?.value).toBe('40');
    expect(await backend.read()).toEqual(writer.state);
  });

  it('GIVEN a mutation that throws WHEN queued between two others THEN only its caller fails and the others are written', async () => {
    const { backend } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 0 }) });
    const a = writer.mutate((s) => ({ ...s, tenant: '0x' + '1'.repeat(40) }));
    const b = writer.mutate(() => {
      throw new Error('boom');
    });
    const c = writer.mutate((s) => ({ ...s, resources: s.resources.slice(1) }));
    await expect(b).rejects.toThrow('boom');
    // Queued in one turn: written together, as one write.
    expect((await a).serial).toBe(1);
    expect((await c).serial).toBe(1);
    const onDisk = await backend.read();
    expect(onDisk?.tenant).toBe('0x' + '1'.repeat(40));
    expect(onDisk?.resources).toHaveLength(1);
  });

  it('GIVEN a write the backend refuses WHEN mutated THEN the snapshot stays the last written one', async () => {
    const { backend } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 7 }) });
    await expect(writer.mutate((s) => ({ ...s, stack: 'other' }))).rejects.toMatchObject({
      code: 'state/wrong-stack',
    });
    expect(writer.state.serial).toBe(7);
    expect((await writer.mutate((s) => ({ ...s, tenant: null }))).serial).toBe(8);
  });

  it('GIVEN intents WHEN recorded and cleared THEN the journal on disk follows, and clearing an unknown id writes nothing', async () => {
    const { backend, stats } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 0 }) });
    await writer.recordIntent(intent('i1'));
    await writer.recordIntent(intent('i2'));
    expect((await backend.read())?.journal.map((e) => e.id)).toEqual(['i1', 'i2']);
    await writer.mutate((s) => ({
      ...s,
      resources: s.resources.map((r) =>
        r.address === 'instance.web' ? { ...r, leases: [...r.leases, lease('2', '9')] } : r,
      ),
    }));
    await writer.clearIntent('i1');
    const before = stats.writes.length;
    await writer.clearIntent('nope');
    expect(stats.writes.length).toBe(before);
    const onDisk = await backend.read();
    expect(onDisk?.journal.map((e) => e.id)).toEqual(['i2']);
    expect(onDisk?.serial).toBe(4);
    expect(onDisk?.resources[1]?.leases.map((l) => l.key)).toEqual(['0', '1', '2']);
  });

  it('GIVEN queued mutations WHEN idle() is awaited THEN all have settled, failed ones included', async () => {
    const { backend } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 0 }) });
    void writer.mutate((s) => ({ ...s, tenant: null }));
    writer
      .mutate(() => {
        throw new Error('x');
      })
      .catch(() => undefined);
    void writer.mutate((s) => ({ ...s, outputs: {} }));
    await writer.idle();
    expect(writer.state.serial).toBe(1);
    expect(writer.state.tenant).toBeNull();
    expect(writer.state.outputs).toEqual({});
  });

  it('GIVEN a burst of 100 slots journalling while a write is in flight WHEN they settle THEN they share a few writes (group commit), none is lost', async () => {
    const { backend, stats } = await countingBackend();
    const writer = new StateWriter({ backend, initial: sampleState({ serial: 0 }) });
    const first = writer.mutate((s) => ({ ...s, tenant: null }));
    const burst = Array.from({ length: 100 }, (_, i) => writer.recordIntent(intent(`i${i}`)));
    await Promise.all([first, ...burst]);
    expect(stats.writes.length).toBeLessThanOrEqual(2);
    expect((await backend.read())?.journal).toHaveLength(100);
  });
});
