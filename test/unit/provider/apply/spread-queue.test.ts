import { describe, expect, it } from '@jest/globals';
import { createSpreadQueue } from '../../../../provider/apply/spread-queue.js';

// A turn of the event loop: lets every other ready placement run, with no clock involved.
const yieldTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('createSpreadQueue', () => {
  it('GIVEN three placements of one resource started together THEN they run one at a time, each seeing the providers before it', async () => {
    const q = createSpreadQueue();
    const order: string[] = [];
    const seen: string[][] = [];
    const place = (name: string, provider: string) =>
      q.run('instance.web', async (claimed) => {
        order.push(`start ${name}`);
        seen.push([...claimed]);
        await yieldTurn();
        order.push(`end ${name}`);
        return { result: name, provider };
      });
    const results = await Promise.all([place('a', '0xA'), place('b', '0xB'), place('c', '0xC')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(seen).toEqual([[], ['0xa'], ['0xa', '0xb']]);
  });

  it('GIVEN two resources THEN their placements do not wait for each other', async () => {
    const q = createSpreadQueue();
    const order: string[] = [];
    // `a` cannot finish before `b` has run: were the queues shared, `b` would wait on `a` forever.
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = q.run('instance.a', async () => {
      await gate;
      order.push('a');
      return { result: 1, provider: null };
    });
    const fast = q.run('instance.b', async () => {
      order.push('b');
      release();
      return { result: 2, provider: null };
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['b', 'a']);
  });

  it('GIVEN a placement that fails THEN its caller sees the error and the next one still runs', async () => {
    const q = createSpreadQueue();
    const failed = q.run('instance.web', async () => {
      throw new Error('no match');
    });
    const next = q.run('instance.web', async (claimed) => ({
      result: [...claimed],
      provider: '0xB',
    }));
    await expect(failed).rejects.toThrow('no match');
    await expect(next).resolves.toEqual([]);
  });
});
