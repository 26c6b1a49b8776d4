import { describe, expect, it } from '@jest/globals';
import { explainNoMatch } from '../../../../provider/apply/explain-no-match.js';
import type {
  ExplainNoMatchInput,
  NoMatchProvider,
} from '../../../../provider/apply/explain-no-match.js';

const USDT = '0x00000000000000000000000000000000000000aa';
// 0.20 USDT/h at 1 s blocks: 0.2e6 × 1e18 / (1e6 × 3600).
const MAX = 55_555_555_555_555n;

const provider = (i: number, over: Partial<NoMatchProvider> = {}): NoMatchProvider => ({
  address: `0x${String(i).padStart(40, '0')}`,
  active: true,
  tier: 4,
  region: 'us-east',
  gpuModels: [],
  tokens: [USDT],
  ...over,
});

const input = (over: Partial<ExplainNoMatchInput> = {}): ExplainNoMatchInput => ({
  order: {
    regions: [],
    tiers: [],
    allowProviders: [],
    denyProviders: [],
    gpuModels: [],
    token: USDT,
    maxPrice: MAX,
  },
  providers: [1, 2, 3, 4, 5].map((i) => provider(i)),
  bids: [],
  token: { symbol: 'USDT', decimals: 6 },
  secondsPerBlock: 1,
  ...over,
});

describe('explainNoMatch', () => {
  it('GIVEN a GPU model no provider offers WHEN explained THEN it names the model and the count', () => {
    const res = explainNoMatch(
      input({
        order: { ...input().order, gpuModels: ['h200'] },
        providers: [
          provider(1, { gpuModels: ['a100'] }),
          provider(2),
          provider(3),
          provider(4),
          provider(5),
        ],
      }),
    );
    expect(res.reason).toBe('no provider offers gpu model h200 (0 of 5)');
    expect(res.hint).toMatch(/gpu/i);
  });

  it('GIVEN a region and a token nobody serves WHEN explained THEN both are named', () => {
    const res = explainNoMatch(
      input({
        order: { ...input().order, regions: ['ap-south'], token: '0xbb' },
      }),
    );
    expect(res.reason).toBe(
      'no provider is in region ap-south (0 of 5); no provider accepts USDT (0 of 5)',
    );
  });

  it('GIVEN constraints each met by someone but never together WHEN explained THEN the partial counts are listed', () => {
    const res = explainNoMatch(
      input({
        order: { ...input().order, regions: ['us-west'], gpuModels: ['a100'] },
        providers: [
          provider(1, { region: 'us-west' }),
          provider(2, { gpuModels: ['a100'] }),
          provider(3),
        ],
      }),
    );
    expect(res.reason).toBe(
      'no provider meets every constraint at once: region us-west (1 of 3), gpu model a100 (1 of 3)',
    );
  });

  it('GIVEN eligible providers and a bid above the max WHEN explained THEN best bid and max per hour are shown', () => {
    const res = explainNoMatch(
      input({ bids: [{ provider: provider(1).address, price: MAX * 2n }] }),
    );
    expect(res.reason).toBe('best bid 0.4 USDT/h is above your max 0.2 USDT/h');
    expect(res.hint).toMatch(/maxPerHour/);
  });

  it('GIVEN 7 s blocks and a bid of 10.0056 USDC/h against a max of 10 WHEN explained THEN both are shown as they cost per hour, not as 10', () => {
    // 19455252918287937 is what a floored 514 blocks/h made of 10 USDC/h; 19444444444444444 is 10/h.
    const res = explainNoMatch(
      input({
        order: { ...input().order, maxPrice: 19_444_444_444_444_444n },
        bids: [{ provider: provider(1).address, price: 19_455_252_918_287_937n }],
        token: { symbol: 'USDC', decimals: 6 },
        secondsPerBlock: 7,
      }),
    );
    expect(res.reason).toBe('best bid 10.005559 USDC/h is above your max 10 USDC/h');
  });

  it('GIVEN eligible providers that did not bid WHEN explained THEN the price is the suspect', () => {
    const res = explainNoMatch(input());
    expect(res.reason).toBe(
      '5 of 5 providers meet every constraint, but none bid at or below your max 0.2 USDT/h',
    );
  });

  it('GIVEN inactive and excluded providers WHEN explained THEN the counts reflect them least met first', () => {
    const ps = [provider(1, { active: false }), provider(2)];
    const res = explainNoMatch(
      input({ providers: ps, order: { ...input().order, denyProviders: [provider(2).address] } }),
    );
    expect(res.constraints[0]).toEqual(['active', 1, 2]);
    expect(res.reason).toContain('no provider meets every constraint at once');
  });

  it('GIVEN no registered provider WHEN explained THEN it says so', () => {
    expect(explainNoMatch(input({ providers: [] })).reason).toBe('no provider is registered');
  });
});
