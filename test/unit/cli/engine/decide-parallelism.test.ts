import { describe, expect, it } from '@jest/globals';
import { decideParallelism } from '../../../../cli/engine/decide-parallelism.js';

const base = { tasks: 100, cap: null, rpcRequestsPerSecond: null, blockMs: 2000 };

describe('decideParallelism', () => {
  it('GIVEN no cap and no declared RPC limit WHEN 100 changes are planned THEN all 100 run at once', () => {
    expect(decideParallelism(base)).toBe(100);
  });

  it('GIVEN an explicit --parallelism WHEN decided THEN it caps', () => {
    expect(decideParallelism({ ...base, cap: 7 })).toBe(7);
    expect(decideParallelism({ ...base, tasks: 3, cap: 7 })).toBe(3);
  });

  it("GIVEN Base's public RPC (10 requests/s, 2 s blocks) WHEN 100 changes are planned THEN each slot keeps 2 requests a block: 10", () => {
    expect(decideParallelism({ ...base, rpcRequestsPerSecond: 10 })).toBe(10);
  });

  it('GIVEN a generous RPC limit WHEN decided THEN the plan is the bound, not the rate', () => {
    expect(decideParallelism({ ...base, tasks: 20, rpcRequestsPerSecond: 500 })).toBe(20);
  });

  it('GIVEN a tiny rate or no tasks WHEN decided THEN at least 1', () => {
    expect(decideParallelism({ ...base, rpcRequestsPerSecond: 0.1 })).toBe(1);
    expect(decideParallelism({ ...base, tasks: 0 })).toBe(1);
  });

  it('GIVEN both a rate and a cap WHEN decided THEN the lower wins', () => {
    expect(decideParallelism({ ...base, rpcRequestsPerSecond: 10, cap: 4 })).toBe(4);
    expect(decideParallelism({ ...base, rpcRequestsPerSecond: 10, cap: 40 })).toBe(10);
  });
});
