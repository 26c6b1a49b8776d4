import { describe, expect, it } from '@jest/globals';
import { RateBudget } from '../../../../provider/marketplace/rate-budget.js';
import { steppingClock } from '../../../support/fake-clocks.js';

describe('RateBudget', () => {
  it('GIVEN a full bucket WHEN a burst within the rate is taken THEN nothing waits', async () => {
    const clock = steppingClock(0);
    const b = new RateBudget(10, clock);
    await Promise.all(Array.from({ length: 10 }, () => b.take(1)));
    expect(clock.sleeps).toEqual([]);
  });

  it('GIVEN an empty bucket WHEN more is taken THEN it waits the time the rate refills it', async () => {
    const clock = steppingClock(0);
    const b = new RateBudget(10, clock);
    await b.take(10);
    await b.take(5);
    expect(clock.sleeps).toEqual([500]);
    await b.take(10);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('GIVEN a batch larger than the bucket WHEN taken THEN it waits for a full bucket and goes into debt, never forever', async () => {
    const clock = steppingClock(0);
    const b = new RateBudget(10, clock);
    await b.take(25);
    expect(clock.sleeps).toEqual([]);
    await b.take(1);
    // 15 in debt + 1: 1.6 s of refill.
    expect(clock.sleeps).toEqual([1600]);
  });

  it('GIVEN time passing between takes WHEN taken THEN the bucket refilled meanwhile', async () => {
    const clock = steppingClock(0);
    const b = new RateBudget(4, clock);
    await b.take(4);
    await clock.sleep(1000);
    await b.take(4);
    expect(clock.sleeps).toEqual([1000]);
  });
});
