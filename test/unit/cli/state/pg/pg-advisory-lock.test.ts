import { describe, expect, it } from '@jest/globals';
import {
  advisoryKey,
  decideSessionPinned,
  poolerError,
} from '../../../../../cli/state/pg/pg-advisory-lock.js';

describe('decideSessionPinned (pooler detection)', () => {
  it('GIVEN one session that holds its lock THEN null', () => {
    expect(decideSessionPinned({ pidAtLock: 10, pidNow: 10, lockVisible: true })).toBeNull();
  });

  it('GIVEN a transaction pooler that moved the next statement to another server process THEN the problem is named', () => {
    expect(decideSessionPinned({ pidAtLock: 10, pidNow: 11, lockVisible: false })).toMatch(
      /10.*11/,
    );
  });

  it('GIVEN the same pid but the lock not held by it THEN refused too', () => {
    expect(decideSessionPinned({ pidAtLock: 10, pidNow: 10, lockVisible: false })).toMatch(
      /does not hold/,
    );
    expect(poolerError('h:5432/db', 'x').code).toBe('state/pg-pooler');
  });

  it('GIVEN names THEN keys are stable int4 values that differ per stack', () => {
    const a = advisoryKey('leasehold\0shop');
    expect(advisoryKey('leasehold\0shop')).toBe(a);
    expect(advisoryKey('leasehold\0blog')).not.toBe(a);
    expect(a).toBeGreaterThanOrEqual(-(2 ** 31));
    expect(a).toBeLessThan(2 ** 31);
  });
});
