import { describe, expect, it } from '@jest/globals';
import { refuseUnmatched } from '../../../../cli/engine/apply-stack.js';
import { decideMatchScreen } from '../../../../provider/apply/decide-match-screen.js';
import type { NoMatchOrder, NoMatchProvider } from '../../../../provider/apply/explain-no-match.js';
import { screenMatches } from '../../../../provider/apply/screen-matches.js';
import type { Change } from '../../../../cli/plan/plan-types.js';
import type { ProviderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import type { OrderInfo, OrderMatch } from '../../../../provider/marketplace/marketplace-types.js';
import { encodeStackTag } from '../../../../provider/marketplace/stack-tag.js';
import { maxPricePerBlock } from '../../../../wire/block-pricing.js';
import { encodeOrderSpec } from '../../../../wire/order-spec.js';
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
  const GiB = 2 ** 30;
  const create = (regions: string[], cpu = 1000, amount = '1000000'): Change => ({
    address: 'instance.web[0]',
    resource: 'instance.web',
    type: 'instance',
    name: 'web',
    key: '0',
    action: 'create',
    before: null,
    after: {
      placement: { regions, tiers: [], allowProviders: [], denyProviders: [] },
      pricing: { token: token.symbol, amount },
      resources: {
        cpu,
        memory: String(GiB),
        storage: [{ name: 'default', size: String(GiB), persistent: false }],
        gpu: null,
      },
      replicas: 1,
      duration: 3_600_000,
    },
    afterUnknown: [],
    sensitivePaths: [],
  });
  // Every provider publishes one node of 8 CPU / 32 GiB free, unless `inventory` says otherwise.
  const published = (cores: number) => ({
    cluster: {
      inventory: {
        available: {
          nodes: [
            {
              name: 'n',
              available: { cpu: cores * 1000, memory: 32 * GiB, storage_ephemeral: 100 * GiB },
            },
          ],
        },
      },
    },
  });
  const depsWith = (
    o: {
      inventory?: (address: string) => unknown;
      matches?: OrderMatch[];
      orders?: OrderInfo[];
      created?: OrderInfo[];
    } = {},
  ) => ({
    marketplace: {
      listProviders: async () => [1, 2, 3, 4, 5].map((n) => info(n, 'us-east')),
      blockNumber: async () => 10_000,
      matchesSince: async () => o.matches ?? [],
      readOrders: async (ids: readonly bigint[]) =>
        ids.map(
          (id) => [...(o.orders ?? []), ...(o.created ?? [])].find((x) => x.id === id) ?? null,
        ),
      ordersCreatedBy: async () =>
        (o.created ?? []).map((c) => ({
          orderId: c.id,
          creator: c.creator,
          spec: c.spec,
          blockNumber: 1,
          txHash: '0x',
        })),
    },
    providerClient: {
      inventory: async (p: { address: string }) => {
        const v = (o.inventory ?? (() => published(8)))(p.address);
        return v === null
          ? { ok: false as const, kind: 'unreachable' as const, message: 'down' }
          : { ok: true as const, value: v };
      },
    },
    network,
    tenant: '0xme',
  });
  const deps = depsWith();

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

  it('GIVEN a slot bigger than every published capacity WHEN screened THEN no-matching-provider names the capacity', async () => {
    const r = await screenMatches(deps, { changes: [create(['us-east'], 16_000)] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/no-matching-provider']);
    expect(r.diagnostics[0]?.detail).toContain(
      'no provider has free capacity for 1 × (16 CPU, 1 GiB, 1 GiB storage) (0 of 5)',
    );
  });

  it('GIVEN providers that publish nothing WHEN screened THEN they are not excluded and the plan says capacity was unknown for them', async () => {
    const d = depsWith({
      inventory: (a) => (a === '0x1' ? published(2) : a === '0x2' ? null : { name: 'p' }),
    });
    const r = await screenMatches(d, { changes: [create(['us-east'], 4000)] });
    expect(r.diagnostics.map((x) => x.code)).toEqual(['plan/capacity-unknown']);
    expect(r.diagnostics[0]?.detail).toContain('Capacity was unknown for 4 of 5 active providers');
  });

  const order = (id: number, over: Partial<OrderInfo>): OrderInfo => ({
    id: BigInt(id),
    maxPrice: 0n,
    numOfBlocks: 1n,
    token: token.address.toLowerCase(),
    creator: '0xother',
    state: 'matched',
    spec: encodeOrderSpec({ name: 'x', placement: [], services: [] }),
    version: 2,
    mode: 'provider',
    tiers: [],
    ...over,
  });

  it('GIVEN recent matches all above the slot per CPU WHEN screened THEN plan/price-below-market, which apply does not refuse', async () => {
    const cpuOrder = (id: number) =>
      order(id, {
        spec: encodeOrderSpec({
          name: 'x',
          placement: [],
          services: [
            {
              name: 'w',
              count: 1,
              resources: {
                id: 1,
                cpuMillis: 1000,
                cpuAttributes: [],
                memoryBytes: GiB,
                memoryAttributes: [],
                storage: [],
                gpuUnits: 0,
                gpuAttributes: [],
                endpoints: [],
              },
            },
          ],
        }),
      });
    // 1 USDT/h per CPU accepted (1e18-scaled per block at the test network's block time).
    const perBlock = maxPricePerBlock({
      maxPerHour: 10n ** BigInt(token.decimals),
      replicas: 1,
      decimals: token.decimals,
      secondsPerBlock: network.secondsPerBlock,
    });
    const d = depsWith({
      matches: [1, 2].map((id) => ({
        orderId: BigInt(id),
        provider: '0x1',
        acceptedPrice: perBlock,
        blockNumber: 1,
        txHash: '0x',
      })),
      orders: [cpuOrder(1), cpuOrder(2)],
    });
    const r = await screenMatches(d, { changes: [create(['us-east'], 1000, '10000')] });
    expect(r.diagnostics.map((x) => x.code)).toEqual(['plan/price-below-market']);
    expect(r.diagnostics[0]?.detail).toContain(
      'your max 0.01 USDT/h per CPU is below every price accepted in the last 5000 blocks',
    );
    expect(r.diagnostics[0]?.detail).toContain('2 matches');
    expect(refuseUnmatched(r.diagnostics, false)).toBeNull();
    // At the market: nothing to say.
    expect(
      (await screenMatches(d, { changes: [create(['us-east'], 1000, '2000000')] })).diagnostics,
    ).toEqual([]);
  });

  it('GIVEN an open order of the stack no slot owns WHEN planned THEN plan/open-orders with its cost if matched', async () => {
    const open = order(9, {
      state: 'open',
      creator: '0xme',
      maxPrice: maxPricePerBlock({
        maxPerHour: 4n * 10n ** BigInt(token.decimals),
        replicas: 1,
        decimals: token.decimals,
        secondsPerBlock: network.secondsPerBlock,
      }),
      spec: encodeOrderSpec({
        name: encodeStackTag({ stack: 'shop', instance: 'web', key: '0' }),
        placement: [],
        services: [],
      }),
    });
    const r = await screenMatches(depsWith({ created: [open] }), {
      changes: [],
      stack: 'shop',
      state: null,
    });
    expect(r.diagnostics.map((x) => x.code)).toEqual(['plan/open-orders']);
    expect(r.diagnostics[0]?.detail).toContain(
      'order 9 for instance.web[0] (up to 4 USDT/h if matched)',
    );
    expect(refuseUnmatched(r.diagnostics, false)).toBeNull();
  });
});
