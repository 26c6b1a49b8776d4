import { describe, expect, it } from '@jest/globals';
import type { ApplyProgressEvent } from '../../../../cli/engine/apply-events.js';
import { renderApplyEventPlain } from '../../../../cli/render/render-apply-plain.js';
import { APPLY_EVENTS } from './apply-event-fixture.js';

describe('renderApplyEventPlain', () => {
  it('GIVEN an order-created event WHEN rendered THEN one line names the slot, the order and a short tx', () => {
    const e: ApplyProgressEvent = {
      type: 'order-created',
      address: 'instance.web[0]',
      at: '2026-03-01T12:00:00.000Z',
      orderId: '12',
      txHash: '0xab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
    };
    expect(renderApplyEventPlain(e)).toBe('instance.web[0]: order 12 created (tx 0xab12cd34…)');
  });

  it('GIVEN every kind of event WHEN rendered THEN each is one line without colour codes', () => {
    const lines = APPLY_EVENTS.map(renderApplyEventPlain);
    expect(lines).toMatchSnapshot();
    for (const line of lines) {
      expect(line).not.toContain('\n');
      expect(line).not.toContain('\u001b[');
      expect(line).toMatch(/^[a-z_]+\.[a-z]+(\[\d+\])?: /);
    }
  });
});
