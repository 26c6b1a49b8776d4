import { describe, expect, it } from '@jest/globals';
import type { ContenderEvent } from '../../../bench/leader-contender.js';
import { bidsSoFar, leadingId, overlappingLeaders, takeover } from '../../../bench/leader-judge.js';
import type { ContenderLog } from '../../../bench/leader-judge.js';

// The judgements the leader failover test and bench make of contenders' event lines, on
// hand-written logs (times are plain numbers on one clock).
const bid = (n: number, acquired: boolean, id: string, before: number): ContenderEvent => ({
  ev: 'bid',
  n,
  acquired,
  id,
  before,
  after: before + 5,
});
const alive = (ok: boolean, id: string, before: number): ContenderEvent => ({
  ev: 'alive',
  ok,
  id,
  before,
  after: before + 2,
});

describe('leader judge', () => {
  it('GIVEN a leader and a waiter WHEN the leader dies and the waiter wins at its second bid after THEN takeover counts 2 bids', () => {
    const a: ContenderLog = { name: 'a', events: [bid(1, true, 'L1', 0), alive(true, 'L1', 10)] };
    const b: ContenderLog = {
      name: 'b',
      events: [bid(1, false, 'L1', 1), bid(2, false, 'L1', 1000), bid(3, false, 'L1', 2000)],
    };
    expect(leadingId(a)).toBe('L1');
    expect(leadingId(b)).toBeNull();
    const snapshot = new Map([['b', bidsSoFar(b)]]);
    expect(takeover([b], snapshot)).toBeNull();
    const after: ContenderLog = {
      name: 'b',
      events: [...b.events, bid(4, false, 'L1', 3000), bid(5, true, 'L2', 4000)],
    };
    expect(takeover([after], snapshot)).toEqual({ name: 'b', bidsAfterKill: 2, id: 'L2' });
    expect(overlappingLeaders([a, after])).toEqual([]);
  });

  it('GIVEN an old leader whose alive() said yes after a successor had won THEN two leaders at once are reported; a no is not', () => {
    const a: ContenderLog = {
      name: 'a',
      events: [bid(1, true, 'L1', 0), alive(true, 'L1', 10), alive(true, 'L1', 5000)],
    };
    const b: ContenderLog = {
      name: 'b',
      events: [bid(1, false, 'L1', 1), bid(2, true, 'L2', 3000)],
    };
    expect(overlappingLeaders([a, b])).toHaveLength(1);
    const stopped: ContenderLog = {
      name: 'a',
      events: [bid(1, true, 'L1', 0), alive(true, 'L1', 10), alive(false, 'L1', 5000)],
    };
    expect(overlappingLeaders([stopped, b])).toEqual([]);
    expect(leadingId(stopped)).toBeNull();
  });
});
