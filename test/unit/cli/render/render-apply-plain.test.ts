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

describe('apply progress in human units (issue 11 item 4)', () => {
  const at = '2026-03-01T12:00:00.000Z';
  const address = 'instance.web[0]';

  it('GIVEN a deposit, a match and a close WHEN rendered THEN whole tokens, tokens per hour and the provider name', () => {
    const lines = (
      [
        {
          type: 'escrow-deposit',
          address: 'escrow.USDT',
          at,
          token: 'USDT',
          amount: '100000000',
          txHash: '0xab12cd34ef56ab12cd34',
          decimals: 6,
        },
        {
          type: 'lease-matched',
          address,
          at,
          leaseId: '7',
          provider: '0x15d34aaf54267db7d7c367839aaf71a00a2c6a65',
          acceptedPrice: '48888888888889',
          providerName: 'atlantic-2',
          perHour: { amount: '176001', token: 'USDT', decimals: 6 },
        },
        {
          type: 'lease-closed',
          address,
          at,
          leaseId: '7',
          released: '4749030',
          token: 'USDT',
          decimals: 6,
        },
      ] satisfies ApplyProgressEvent[]
    ).map(renderApplyEventPlain);
    expect(lines).toEqual([
      'escrow.USDT: deposit 100 USDT (tx 0xab12cd34…)',
      'instance.web[0]: lease 7 matched with provider atlantic-2 (0x15d3…6a65) at 0.176 USDT/h',
      'instance.web[0]: lease 7 closed, 4.74903 USDT released',
    ]);
    expect(lines.join('\n')).not.toMatch(/base units|1e18/);
  });
});
