import { describe, expect, it } from '@jest/globals';
import { refuseUnmatched } from '../../../../cli/engine/apply-stack.js';
import { decideMatchScreen } from '../../../../provider/apply/decide-match-screen.js';
import type { NoMatchOrder, NoMatchProvider } from '../../../../provider/apply/explain-no-match.js';
import { screenMatches } from '../../../../provider/apply/screen-matches.js';
import type { Change } from '../../../../cli/plan/plan-types.js';
import type { ProviderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import { testNetwork } from '../resources/resource-fixtures.js';

// Issue 11 item 7: plan screens each new slot against the registry before any order is sent.
const USDT = '0x00000000000000000000000000000000000000aa';
const provider = (n: number, over: Partial<NoMatchProvider> = {}): NoMatchProvider => ({
  address: `0x${n}`,
  active: true,
  tier: 4,
  region: n % 2 === 0 ? 'us-east' : 'eu-central',
  gpuModels: [],
  tokens: [USDT],
  ...over,
});
const FIVE = [1, 2, 3, 4, 5].map((n) => provider(n));
const order = (over: Partial<NoMatchOrder> = {}): NoMatchOrder => ({
  regions: [],
  tiers: [],
  allowProviders: [],
  denyProviders: [],
  gpuModels: [],
  token: USDT,
  maxPrice: 0n,
  ...over,
});

describe('decideMatchScreen', () => {
  it('GIVEN a region no provider is in WHEN screened THEN "no provider is in region us-central (0 of 5)"', () => {
    const r = decideMatchScreen({
      order: order({ regions: ['us-central'] }),
      providers: FIVE,
      tokenSymbol: 'USDT',
    });
    expect(r).toMatchObject({ eligible: 0, total: 5 });
    expect(r.reason).toBe('no provider is in region us-central (0 of 5)');
    expect(r.hint).toContain('placement.regions');
  });

  it('GIVEN requirements met only separately WHEN screened THEN it says no one provider meets them together', () => {
    const providers = [provider(1, { gpuModels: ['a100'] }), provider(2)];
    const r = decideMatchScreen({
      order: order({ regions: ['us-east'], gpuModels: ['a100'] }),
      providers,
      tokenSymbol: 'USDT',
    });
    expect(r.reason).toMatch(/^no provider meets every requirement at once/);
  });

  it('GIVEN a token, tier or GPU model nobody offers WHEN screened THEN each is named', () => {
    const r = decideMatchScreen({
      order: order({ token: '0xbb', tiers: [0], gpuModels: ['h200'] }),
      providers: FIVE,
      tokenSymbol: 'DAI',
    });
    expect(r.reason).toContain('no provider is in tier 0 (0 of 5)');
    expect(r.reason).toContain('no provider accepts DAI (0 of 5)');
    expect(r.reason).toContain('no provider offers gpu model h200 (0 of 5)');
  });

  it('GIVEN a provider that meets everything WHEN screened THEN no reason', () => {
    const r = decideMatchScreen({
      order: order({ regions: ['us-east'] }),
      providers: FIVE,
      tokenSymbol: 'USDT',
    });
    expect(r).toEqual({ eligible: 2, total: 5, reason: null, hint: null });
  });
});

describe('screenMatches and the apply refusal', () => {
  const network = testNetwork();
  const token = network.tokens[0]!;
  const info = (n: number, region: string): ProviderInfo => ({
    address: `0x${n}`,
    hostUri: 'h',
    certificate: null,
    status: 'active',
    tier: 4,
    region,
    spec: '',
    tokens: [token.address.toLowerCase()],
  });
  const create = (regions: string[]): Change => ({
    address: 'instance.web[0]',
    resource: 'instance.web',
    type: 'instance',
    name: 'web',
    key: '0',
    action: 'create',
    before: null,
    after: {
      placement: { regions, tiers: [], allowProviders: [], denyProviders: [] },
      pricing: { token: token.symbol, amount: '1' },
      resources: { gpu: null },
    },
    afterUnknown: [],
    sensitivePaths: [],
  });
  const deps = {
    marketplace: { listProviders: async () => [1, 2, 3, 4, 5].map((n) => info(n, 'us-east')) },
    network,
  };

  it('GIVEN a new slot in a region without providers WHEN plan screens it THEN a warning, and apply refuses unless allowed', async () => {
    const r = await screenMatches(deps, { changes: [create(['us-central'])] });
    expect(r.diagnostics.map((d) => [d.severity, d.code, d.address])).toEqual([
      ['warning', 'plan/no-matching-provider', 'instance.web[0]'],
    ]);
    expect(r.diagnostics[0]?.detail).toContain('no provider is in region us-central (0 of 5)');
    expect(refuseUnmatched(r.diagnostics, false)?.code).toBe('apply/unmatched');
    expect(refuseUnmatched(r.diagnostics, true)).toBeNull();
  });

  it('GIVEN a slot providers can take WHEN screened THEN nothing to say', async () => {
    expect((await screenMatches(deps, { changes: [create(['us-east'])] })).diagnostics).toEqual([]);
  });
});
