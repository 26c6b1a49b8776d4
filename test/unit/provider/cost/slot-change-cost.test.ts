import { describe, expect, it } from '@jest/globals';
import { slotChangeCost } from '../../../../provider/cost/slot-change-cost.js';
import type { SlotChangeCostInput } from '../../../../provider/cost/slot-change-cost.js';

const base: SlotChangeCostInput = {
  action: 'create',
  token: 'USDT',
  decimals: 6,
  secondsPerBlock: 1,
  acceptedPrice: null,
  desired: { maxPerHour: 1_000_000n, replicas: 3, durationMs: 7_200_000 },
};

describe('slotChangeCost', () => {
  it('GIVEN a create WHEN costed THEN after at max price and escrow for the whole duration', () => {
    expect(slotChangeCost(base)).toEqual({
      token: 'USDT',
      perHourBefore: '0',
      perHourAfter: '3000000',
      escrowToLock: '6000000',
      perHourAccepted: null,
      perHourCeiling: '3000000',
    });
  });

  it('GIVEN a no-op WHEN costed THEN before and after at the accepted price and nothing locked', () => {
    const c = slotChangeCost({ ...base, action: 'no-op', acceptedPrice: 200_000_000_000_000n });
    expect(c).toEqual({
      token: 'USDT',
      perHourBefore: '720000',
      perHourAfter: '720000',
      escrowToLock: '0',
      perHourAccepted: '720000',
      perHourCeiling: '3000000',
    });
  });

  it('GIVEN a delete WHEN costed THEN after is zero', () => {
    const c = slotChangeCost({
      ...base,
      action: 'delete',
      acceptedPrice: 200_000_000_000_000n,
      desired: null,
    });
    expect(c).toEqual({
      token: 'USDT',
      perHourBefore: '720000',
      perHourAfter: '0',
      escrowToLock: '0',
      perHourAccepted: '0',
      perHourCeiling: '0',
    });
  });

  it('GIVEN a replace WHEN costed THEN before at accepted, after at max price, escrow locked', () => {
    const c = slotChangeCost({
      ...base,
      action: 'create-then-delete',
      acceptedPrice: 200_000_000_000_000n,
    });
    expect(c).toEqual({
      token: 'USDT',
      perHourBefore: '720000',
      perHourAfter: '3000000',
      escrowToLock: '6000000',
      perHourAccepted: null,
      perHourCeiling: '3000000',
    });
  });

  it('GIVEN a count change from 2 to 3 replicas WHEN costed THEN the ceiling grows with it (issue 11 item 5)', () => {
    const two = slotChangeCost({ ...base, desired: { ...base.desired!, replicas: 2 } });
    const three = slotChangeCost({ ...base, action: 'update', acceptedPrice: 1n });
    expect(two.perHourCeiling).toBe('2000000');
    expect(three.perHourCeiling).toBe('3000000');
    expect(three.perHourAccepted).toBeNull();
  });
});
