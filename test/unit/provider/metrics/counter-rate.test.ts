import { describe, expect, it } from '@jest/globals';
import { counterRate } from '../../../../provider/metrics/counter-rate.js';

describe('counterRate', () => {
  it('GIVEN 100 then 250 over 15 s WHEN rated THEN 10 per second', () => {
    expect(counterRate({ value: 100, at: 0 }, { value: 250, at: 15_000 })).toBe(10);
  });

  it('GIVEN a counter that dropped (restart) WHEN rated THEN the new value counts from zero', () => {
    expect(counterRate({ value: 500, at: 0 }, { value: 30, at: 10_000 })).toBe(3);
  });

  it('GIVEN the same or an earlier time WHEN rated THEN null', () => {
    expect(counterRate({ value: 1, at: 10 }, { value: 2, at: 10 })).toBeNull();
    expect(counterRate({ value: 1, at: 10 }, { value: 2, at: 5 })).toBeNull();
  });

  it('GIVEN a NaN value WHEN rated THEN null', () => {
    expect(counterRate({ value: Number.NaN, at: 0 }, { value: 2, at: 1000 })).toBeNull();
  });
});
