/**
 * A network's block time, as a pure decision (docs/networks.md): `network.blockTime` in the spec >
 * `blockTime` in the address book > measured from recent blocks. Every order converts between
 * hours and blocks with it, so a wrong guess asks for the wrong number of blocks at the wrong price
 * per block: when nothing is declared and the chain's timestamps do not show a steady block time,
 * the answer is `unknown`, never a default.
 */
import type { BlockTimeSource } from '../../cli/plan/plan-types.js';

/** One block header's number and timestamp (whole seconds, as the chain stores it). */
export interface BlockStamp {
  readonly number: number;
  readonly timestamp: number;
}

/** Inputs of {@link decideBlockTime}. */
export interface DecideBlockTimeInput {
  /** `network.blockTime` of the spec, in milliseconds. */
  readonly spec?: number | undefined;
  /** `blockTime` of the address book, in milliseconds. */
  readonly addressBook?: number | undefined;
  /** Recent block headers in any order; absent until they have been read. */
  readonly recentBlocks?: readonly BlockStamp[] | undefined;
}

/** What {@link decideBlockTime} concluded, with the reasons to show a user. */
export type DecideBlockTimeResult =
  | {
      readonly kind: 'decided';
      readonly ms: number;
      readonly source: BlockTimeSource;
      readonly reasons: readonly string[];
    }
  /** Nothing is declared: read {@link BLOCK_TIME_SAMPLES} + 1 recent headers and decide again. */
  | { readonly kind: 'measure'; readonly reasons: readonly string[] }
  | { readonly kind: 'unknown'; readonly reasons: readonly string[] };

/** Block intervals measured: the latest block and the ones before it. */
export const BLOCK_TIME_SAMPLES = 20;

/** Fewer intervals than this (a chain a few blocks old) are too few to trust. */
export const MIN_BLOCK_TIME_SAMPLES = 5;

/**
 * Decides the block time. Measured: the median interval between consecutive recent blocks, which a
 * missed slot or two does not move; it must be at least 1 s (timestamps are whole seconds, so 0-s
 * intervals mean blocks mined on demand — anvil or hardhat automine — or faster than a second), and
 * at least half of the intervals must lie within max(1 s, 10 %) of it (else blocks come
 * irregularly, as on a chain that mines per transaction).
 */
export function decideBlockTime(input: DecideBlockTimeInput): DecideBlockTimeResult {
  if (input.spec !== undefined) {
    const over = input.addressBook === undefined ? '' : ' (over the address book)';
    return decided(input.spec, 'spec', `network.blockTime in the spec${over}`);
  }
  if (input.addressBook !== undefined)
    return decided(input.addressBook, 'address-book', 'blockTime in the address book');
  if (input.recentBlocks === undefined) {
    return { kind: 'measure', reasons: ['neither the spec nor the address book declares it'] };
  }
  return measure(input.recentBlocks);
}

function decided(ms: number, source: BlockTimeSource, reason: string): DecideBlockTimeResult {
  return { kind: 'decided', ms, source, reasons: [reason] };
}

function measure(blocks: readonly BlockStamp[]): DecideBlockTimeResult {
  const sorted = [...blocks].sort((a, b) => a.number - b.number);
  const intervals: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [prev, next] = [sorted[i - 1], sorted[i]];
    if (prev === undefined || next === undefined || next.number <= prev.number) continue;
    intervals.push((next.timestamp - prev.timestamp) / (next.number - prev.number));
  }
  const n = intervals.length;
  if (n < MIN_BLOCK_TIME_SAMPLES) {
    return unknown(`the chain has ${n + 1} block(s), too few to measure`);
  }
  const median = medianOf(intervals);
  const span = `the last ${n} block intervals`;
  if (intervals.every((s) => s === 0)) {
    return unknown(
      `${span} are all 0 s: blocks are mined on demand (automine) or faster than the 1-s resolution of timestamps`,
    );
  }
  if (median < 1) {
    return unknown(
      `most of ${span} are 0 s: blocks come on demand (automine) or faster than the 1-s resolution of timestamps`,
    );
  }
  const tolerance = Math.max(1, median / 10);
  const steady = intervals.filter((s) => Math.abs(s - median) <= tolerance).length;
  if (steady * 2 < n) {
    const [lo, hi] = [Math.min(...intervals), Math.max(...intervals)];
    return unknown(
      `${span} range from ${lo} s to ${hi} s around a median of ${median} s: blocks come irregularly`,
    );
  }
  const ms = Math.round(median * 1000);
  return decided(ms, 'measured', `the median of ${span} is ${median} s`);
}

function unknown(reason: string): DecideBlockTimeResult {
  return { kind: 'unknown', reasons: [reason] };
}

function medianOf(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? 0) + hi) / 2;
}
