import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { loadTotal, nextLoadStep } from '../../../../devnet/load/next-load-step.js';

const base = { rps: 10, total: 50, issued: 0, inFlight: 0, maxInFlight: 64 };

describe('loadTotal', () => {
  it('GIVEN 10 rps for 5 s WHEN counted THEN 50 requests', () => {
    expect(loadTotal(10, 5000)).toBe(50);
  });
  it('GIVEN a run too short for one request WHEN counted THEN still one', () => {
    expect(loadTotal(1, 10)).toBe(1);
  });
});

describe('nextLoadStep', () => {
  it('GIVEN the start WHEN stepped THEN the first request goes now and the next is 100 ms away', () => {
    expect(nextLoadStep({ ...base, elapsedMs: 0 })).toEqual({ send: 1, skip: 0, waitMs: 100 });
  });

  it('GIVEN the loop woke late WHEN stepped THEN it catches up on every due request', () => {
    expect(nextLoadStep({ ...base, elapsedMs: 350, issued: 1 })).toEqual({
      send: 3,
      skip: 0,
      waitMs: 50,
    });
  });

  it('GIVEN the concurrency limit is reached WHEN requests are due THEN they are skipped, not queued', () => {
    expect(
      nextLoadStep({ ...base, elapsedMs: 350, issued: 1, inFlight: 63, maxInFlight: 64 }),
    ).toEqual({ send: 1, skip: 2, waitMs: 50 });
  });

  it('GIVEN the last request is due WHEN stepped THEN it is sent and the scheduler says done', () => {
    expect(nextLoadStep({ ...base, elapsedMs: 4900, issued: 49 })).toEqual({
      send: 1,
      skip: 0,
      waitMs: null,
    });
  });

  it('GIVEN time runs past the end WHEN stepped THEN it never issues more than the total', () => {
    expect(nextLoadStep({ ...base, elapsedMs: 60_000, issued: 10 })).toEqual({
      send: 40,
      skip: 0,
      waitMs: null,
    });
  });

  it('GIVEN any rate and wake-up jitter WHEN a run is simulated THEN exactly total are issued and never ahead of schedule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }),
        (rps, durationMs, jitters) => {
          const total = loadTotal(rps, durationMs);
          let now = 0;
          let issued = 0;
          for (let i = 0; i < 100_000; i += 1) {
            const s = nextLoadStep({
              elapsedMs: now,
              rps,
              total,
              issued,
              inFlight: 0,
              maxInFlight: 1e9,
            });
            issued += s.send + s.skip;
            expect(s.skip).toBe(0);
            // Request i is due at i × 1000 / rps (up to float error).
            expect(issued).toBeLessThanOrEqual(Math.floor((now * rps) / 1000 + 1e-6) + 1);
            if (s.waitMs === null) break;
            now += s.waitMs + (jitters[i % jitters.length] ?? 0);
          }
          expect(issued).toBe(total);
        },
      ),
      { numRuns: 200 },
    );
  });
});
