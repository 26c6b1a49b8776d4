import { describe, expect, it } from '@jest/globals';
import { watchLoop } from '../../../../cli/engine/watch-loop.js';
import { renderWatchFrame } from '../../../../cli/render/render-watch-frame.js';
import { steppingClock } from '../../../support/fake-clocks.js';

// Issue 11 item 17: `status --watch` in a pipe prints a plain snapshot every interval.
describe('watchLoop', () => {
  it('GIVEN a 3 s read and a 5 s interval WHEN watched THEN a snapshot every 5 s, start to start', async () => {
    const clock = steppingClock(0);
    const at: number[] = [];
    const shown = await watchLoop({
      clock,
      intervalMs: 5000,
      read: async () => {
        await clock.sleep(3000);
        return 'snapshot';
      },
      show: (_s, t) => at.push(t),
      signal: new AbortController().signal,
      limit: 3,
    });
    expect(shown).toBe(3);
    expect(at).toEqual([0, 5000, 10_000]);
  });

  it('GIVEN Ctrl-C during a read WHEN watched THEN that snapshot is dropped and the loop ends', async () => {
    const clock = steppingClock(0);
    const ac = new AbortController();
    const shown = await watchLoop({
      clock,
      intervalMs: 1000,
      read: async () => {
        ac.abort();
        return 1;
      },
      show: () => undefined,
      signal: ac.signal,
    });
    expect(shown).toBe(0);
  });
});

describe('renderWatchFrame', () => {
  it('GIVEN a pipe WHEN framed THEN a plain block under a timestamp, no escape codes', () => {
    const text = renderWatchFrame('ADDRESS  LEASE', {
      tty: false,
      at: Date.UTC(2026, 11, 2, 13, 0),
    });
    expect(text).toBe('--- 2026-12-02T13:00:00.000Z ---\nADDRESS  LEASE\n');
    expect(text).not.toContain('\u001b');
  });

  it('GIVEN a terminal WHEN framed THEN the screen is cleared and redrawn', () => {
    expect(renderWatchFrame('x', { tty: true, at: 0 })).toBe('\u001b[2J\u001b[Hx\n');
  });
});
