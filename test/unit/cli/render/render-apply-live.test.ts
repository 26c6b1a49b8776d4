import { describe, expect, it } from '@jest/globals';
import {
  EMPTY_LIVE_VIEW,
  formatElapsed,
  reduceApplyLive,
  renderApplyLive,
} from '../../../../cli/render/render-apply-live.js';
import { PLAIN } from '../../../../cli/render/style.js';
import { APPLY_EVENTS } from './apply-event-fixture.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');

describe('renderApplyLive', () => {
  it('GIVEN a slot that started WHEN rendered later THEN its line shows a spinner, the phase and the running time', () => {
    const view = APPLY_EVENTS.slice(0, 4)
      .filter((e) => e.address === 'instance.web[0]')
      .reduce(reduceApplyLive, EMPTY_LIVE_VIEW);
    const [line] = renderApplyLive(view, { now: T0 + 3_000, style: PLAIN });
    expect(line).toBe('⠋ instance.web[0]  waiting for match: order 12 (3.0s)');
  });

  it('GIVEN every event WHEN folded THEN one line per slot, done and failed marked, the clock stopped at the end', () => {
    const view = APPLY_EVENTS.reduce(reduceApplyLive, EMPTY_LIVE_VIEW);
    const lines = renderApplyLive(view, { now: T0 + 60_000, style: PLAIN });
    expect(lines).toEqual([
      '✓ instance.web[0]  creating: done (4.5s)',
      '✓ stack.web        deposit 5 USDT (tx 0x01) (0.0s)',
      '✗ instance.web[1]  creating: failed: No provider matched the order (0.0s)',
    ]);
  });

  it('GIVEN durations WHEN formatted THEN seconds then minutes', () => {
    expect(formatElapsed(1234)).toBe('1.2s');
    expect(formatElapsed(125_000)).toBe('2m05s');
  });
});
