import { describe, expect, it } from '@jest/globals';
import { parseDurationFlag } from '../../../cli/flags-duration.js';

describe('parseDurationFlag', () => {
  it.each([
    ['0', 0],
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    [' 2s ', 2000],
  ])('GIVEN %j WHEN parsed THEN %d ms', (text, ms) => expect(parseDurationFlag(text)).toBe(ms));

  it.each(['', '30', '1.5s', '-1s', '2h', '1m30s', 's', '99999999999999999m'])(
    'GIVEN %j WHEN parsed THEN it throws naming the accepted forms',
    (text) => expect(() => parseDurationFlag(text)).toThrow(/ms\|s\|m|too large/),
  );
});
