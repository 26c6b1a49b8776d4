import { describe, expect, it } from '@jest/globals';
import { slotAddress } from '../../../../../provider/resources/instance/slot-address.js';

describe('slotAddress', () => {
  it('GIVEN a numeric key WHEN addressed THEN it is indexed', () => {
    expect(slotAddress('instance.web', '12')).toBe('instance.web[12]');
  });

  it('GIVEN a region key WHEN addressed THEN it is quoted', () => {
    expect(slotAddress('instance.web', 'us-east')).toBe('instance.web["us-east"]');
  });

  it('GIVEN a zero-padded key WHEN addressed THEN it is quoted, not read as a number', () => {
    expect(slotAddress('instance.web', '01')).toBe('instance.web["01"]');
  });
});
