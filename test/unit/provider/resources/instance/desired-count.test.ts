import { describe, expect, it } from '@jest/globals';
import { desiredCount } from '../../../../../provider/resources/instance/desired-count.js';

describe('desiredCount', () => {
  it('GIVEN no policy WHEN planned THEN the declared count wins over the live one', () => {
    expect(desiredCount({ declared: 3, live: 5, policy: null, ignoreCount: false })).toBe(3);
  });

  it('GIVEN a policy WHEN leases run THEN the live count is kept', () => {
    const policy = { min: 1, max: 10 };
    expect(desiredCount({ declared: 3, live: 6, policy, ignoreCount: true })).toBe(6);
  });

  it('GIVEN a policy WHEN the live count is above max THEN it is clamped to max', () => {
    const policy = { min: 1, max: 4 };
    expect(desiredCount({ declared: 3, live: 9, policy, ignoreCount: true })).toBe(4);
  });

  it('GIVEN a policy WHEN the live count is below min THEN it is raised to min', () => {
    const policy = { min: 2, max: 4 };
    expect(desiredCount({ declared: 3, live: 1, policy, ignoreCount: true })).toBe(2);
  });

  it('GIVEN a policy WHEN nothing runs yet THEN the declared count is the starting size', () => {
    const policy = { min: 2, max: 8 };
    expect(desiredCount({ declared: 3, live: null, policy, ignoreCount: false })).toBe(3);
  });
});
