import { describe, expect, it } from '@jest/globals';
import {
  formatBytesForPeople,
  formatCpuForPeople,
  formatDurationForPeople,
  formatPerHourForPeople,
  formatTokenForPeople,
  roundSignificant,
} from '../../../../common/units/index.js';

describe('formatters for people (issue 11 item 4)', () => {
  it('cpu in cores', () => {
    expect(formatCpuForPeople(1000)).toBe('1 CPU');
    expect(formatCpuForPeople(500)).toBe('0.5 CPU');
    expect(formatCpuForPeople(2500)).toBe('2.5 CPU');
  });

  it('bytes in the largest exact unit', () => {
    expect(formatBytesForPeople(1073741824n)).toBe('1 GiB');
    expect(formatBytesForPeople(1610612736n)).toBe('1.5 GiB');
    expect(formatBytesForPeople(536870912n)).toBe('512 MiB');
    expect(formatBytesForPeople(1_000_000_000n)).toBe('1 GB');
    expect(formatBytesForPeople(1023n)).toBe('1023 B');
    expect(formatBytesForPeople(0n)).toBe('0 B');
  });

  it('durations as a person says them', () => {
    expect(formatDurationForPeople(86_400_000)).toBe('24h');
    expect(formatDurationForPeople(30_000)).toBe('30s');
    expect(formatDurationForPeople(15_000)).toBe('15s');
    expect(formatDurationForPeople(60_000)).toBe('1m');
    expect(formatDurationForPeople(7 * 86_400_000)).toBe('7d');
    expect(formatDurationForPeople(1500)).toBe('1.5s');
    expect(formatDurationForPeople(0)).toBe('0s');
  });

  it('token amounts and rates', () => {
    expect(formatTokenForPeople(100_000_000n, 6, 'USDT')).toBe('100 USDT');
    expect(formatTokenForPeople(4_749_030n, 6, 'USDT')).toBe('4.74903 USDT');
    expect(formatPerHourForPeople(176_001n, 6, 'USDT', 3)).toBe('0.176 USDT/h');
    expect(formatPerHourForPeople(2_000_000n, 6, 'USDT')).toBe('2 USDT/h');
  });

  it('rounds to significant digits without losing integer digits', () => {
    expect(roundSignificant('0.17600012', 4)).toBe('0.176');
    expect(roundSignificant('0.99996', 4)).toBe('1');
    expect(roundSignificant('1234.5678', 2)).toBe('1235');
    expect(roundSignificant('0.0000488', 3)).toBe('0.0000488');
  });
});
