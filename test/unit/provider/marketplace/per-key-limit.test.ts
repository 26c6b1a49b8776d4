import { describe, expect, it } from '@jest/globals';
import { PerKeyLimit } from '../../../../provider/marketplace/per-key-limit.js';

// A task the test finishes by hand: no clock involved.
function gate() {
  let open: () => void = () => undefined;
  const done = new Promise<void>((r) => (open = r));
  return { done, open: () => open() };
}
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('PerKeyLimit', () => {
  it('GIVEN a limit of 2 WHEN 5 tasks of one provider start THEN 2 run, the rest follow in order', async () => {
    const limit = new PerKeyLimit(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    const all = gates.map((g, i) =>
      limit.run('p1', async () => {
        started.push(i);
        await g.done;
      }),
    );
    await turn();
    expect(started).toEqual([0, 1]);
    expect(limit.running('p1')).toBe(2);
    gates[0]?.open();
    await turn();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.open());
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(limit.running('p1')).toBe(0);
  });

  it('GIVEN two providers WHEN each is at its limit THEN one does not hold the other back', async () => {
    const limit = new PerKeyLimit(1);
    const g = gate();
    const started: string[] = [];
    const a = limit.run('p1', async () => {
      started.push('p1');
      await g.done;
    });
    const b = limit.run('p2', async () => {
      started.push('p2');
    });
    await b;
    expect(started).toEqual(['p1', 'p2']);
    g.open();
    await a;
  });

  it('GIVEN a task that throws WHEN it ends THEN its slot is freed', async () => {
    const limit = new PerKeyLimit(1);
    await expect(limit.run('p', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run('p', async () => 7)).resolves.toBe(7);
  });
});
