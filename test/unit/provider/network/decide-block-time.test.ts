import { describe, expect, it } from '@jest/globals';
import {
  BLOCK_TIME_SAMPLES,
  decideBlockTime,
} from '../../../../provider/network/decide-block-time.js';
import type { BlockStamp } from '../../../../provider/network/decide-block-time.js';

/** Headers from block 1000 on, with these intervals (seconds) between them. */
function chain(intervals: readonly number[], start = 1_700_000_000): BlockStamp[] {
  const out: BlockStamp[] = [{ number: 1000, timestamp: start }];
  for (const s of intervals) {
    const last = out[out.length - 1]!;
    out.push({ number: last.number + 1, timestamp: last.timestamp + s });
  }
  return out;
}

const steady = (s: number) => chain(Array.from({ length: BLOCK_TIME_SAMPLES }, () => s));

describe('decideBlockTime', () => {
  it('GIVEN the spec and the address book both declare it WHEN decided THEN the spec wins, no measuring', () => {
    expect(decideBlockTime({ spec: 12_000, addressBook: 2_000 })).toEqual({
      kind: 'decided',
      ms: 12_000,
      source: 'spec',
      reasons: ['network.blockTime in the spec (over the address book)'],
    });
  });

  it('GIVEN only the address book declares it WHEN decided THEN the book wins over any measurement', () => {
    expect(decideBlockTime({ addressBook: 2_000, recentBlocks: steady(12) })).toMatchObject({
      kind: 'decided',
      ms: 2_000,
      source: 'address-book',
    });
  });

  it('GIVEN nothing declared and no blocks read yet WHEN decided THEN it asks for a measurement', () => {
    expect(decideBlockTime({})).toMatchObject({ kind: 'measure' });
  });

  it.each([
    [2, 2_000],
    [12, 12_000],
  ])('GIVEN a steady %i s chain WHEN measured THEN %i ms from the median interval', (s, ms) => {
    expect(decideBlockTime({ recentBlocks: steady(s) })).toEqual({
      kind: 'decided',
      ms,
      source: 'measured',
      reasons: [`the median of the last ${BLOCK_TIME_SAMPLES} block intervals is ${s} s`],
    });
  });

  it('GIVEN a 12 s chain with missed slots, headers in any order WHEN measured THEN 12 s (the median ignores them)', () => {
    const blocks = chain([12, 24, 12, 12, 36, 12, 12, 12, 24, 12, 12]).reverse();
    expect(decideBlockTime({ recentBlocks: blocks })).toMatchObject({ ms: 12_000 });
  });

  it('GIVEN an automine chain (every block in the same second) WHEN measured THEN unknown, saying why', () => {
    const r = decideBlockTime({ recentBlocks: chain(Array.from({ length: 20 }, () => 0)) });
    expect(r.kind).toBe('unknown');
    expect(r.reasons.join()).toMatch(/all 0 s.*automine/);
  });

  it('GIVEN mostly 0-s intervals (sub-second or bursts on demand) WHEN measured THEN unknown, never 0 ms', () => {
    const r = decideBlockTime({ recentBlocks: chain([0, 1, 0, 0, 1, 0, 0, 30, 0, 1, 0]) });
    expect(r.kind).toBe('unknown');
    expect(r.reasons.join()).toMatch(/most of the last 11 block intervals are 0 s/);
  });

  it('GIVEN blocks mined irregularly (a chain mining per transaction) WHEN measured THEN unknown with the range', () => {
    const r = decideBlockTime({ recentBlocks: chain([3, 7, 1, 20, 4, 9, 2, 15, 5, 40]) });
    expect(r.kind).toBe('unknown');
    expect(r.reasons.join()).toMatch(/range from 1 s to 40 s .*irregularly/);
  });

  it('GIVEN a chain only a few blocks old WHEN measured THEN unknown: too few to measure', () => {
    const r = decideBlockTime({ recentBlocks: chain([2, 2, 2]) });
    expect(r).toEqual({
      kind: 'unknown',
      reasons: ['the chain has 4 block(s), too few to measure'],
    });
  });

  it('GIVEN a non-contiguous sample WHEN measured THEN each gap counts per block', () => {
    const blocks: BlockStamp[] = Array.from({ length: 8 }, (_, i) => ({
      number: 100 + i * 10,
      timestamp: 5_000 + i * 20,
    }));
    expect(decideBlockTime({ recentBlocks: blocks })).toMatchObject({ ms: 2_000 });
  });
});
