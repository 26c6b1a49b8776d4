import { describe, expect, it } from '@jest/globals';
import type { ProviderConfig } from '../../../../devnet/config/load-provider-config.js';
import { decideCanServe, NO_USAGE } from '../../../../devnet/provider-daemon/decide-can-serve.js';
import type { OrderView } from '../../../../devnet/provider-daemon/decide-can-serve.js';
import type { OrderSpec, SpecService } from '../../../../wire/index.js';

const ME = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const config: ProviderConfig = {
  name: 'p',
  index: 2,
  region: 'us-east',
  tier: 4,
  port: 0,
  prices: { cpuCoreHour: '0.08', memoryGiBHour: '0.008', gpuHour: '0.60' },
  gpus: [{ vendor: 'nvidia', model: 'rtx4090', count: 4 }],
  capacity: { cpuCores: 16, memoryGiB: 64, storageGiB: 512 },
  tokens: ['USDT', 'uSPON'],
  capacityRps: 10,
  secondsPerBlock: 1,
};
const GiB = 2 ** 30;
const svc = (over: Partial<SpecService['resources']> = {}, count = 1): SpecService => ({
  name: 'web',
  count,
  resources: {
    id: 1,
    cpuMillis: 1000,
    cpuAttributes: [],
    memoryBytes: GiB,
    memoryAttributes: [],
    storage: [{ name: 'default', attributes: [], bytes: GiB }],
    gpuUnits: 0,
    gpuAttributes: [],
    endpoints: [],
    ...over,
  },
});
const spec = (placement: OrderSpec['placement'] = [], services = [svc()]): OrderSpec => ({
  name: 'x',
  placement,
  services,
});
const order = (over: Partial<OrderView> = {}): OrderView => ({
  spec: spec(),
  mode: 1,
  tiers: [3, 4, 5, 6],
  tokenSymbol: 'USDT',
  ...over,
});
const decide = (o: OrderView, used = NO_USAGE) =>
  decideCanServe({ config, address: ME, order: o, used });

describe('decideCanServe', () => {
  it('GIVEN an order the provider matches WHEN decided THEN ok with the demand to reserve', () => {
    const r = decide(order({ spec: spec([{ key: 'region', value: 'us-west;us-east' }]) }));
    expect(r).toEqual({
      ok: true,
      reasons: [],
      demand: { cpuMillis: 1000, memoryBytes: GiB, storageBytes: GiB, gpus: {} },
    });
  });

  it.each<[string, Partial<OrderView>, string]>([
    [
      'another region',
      { spec: spec([{ key: 'region', value: 'eu-central' }]) },
      'region=eu-central',
    ],
    [
      'an excluded region',
      { spec: spec([{ key: 'region_exclude', value: 'us-east' }]) },
      'region_exclude=us-east',
    ],
    ['fizz mode', { mode: 0 }, 'mode=provider'],
    ['secured tiers only', { tiers: [0, 1, 2] }, 'tier in [0,1,2]'],
    ['a token it does not take', { tokenSymbol: 'USDC' }, 'token USDC'],
    ['an unregistered token', { tokenSymbol: undefined }, 'token registered'],
    [
      'another desired provider',
      { spec: spec([{ key: 'desired_provider', value: '0xabc' }]) },
      'desired_provider=0xabc',
    ],
    [
      'itself excluded',
      { spec: spec([{ key: 'provider_exclude', value: ME.toLowerCase() }]) },
      `provider_exclude=${ME.toLowerCase()}`,
    ],
    [
      'a GPU model it lacks',
      {
        spec: spec(
          [],
          [
            svc({
              gpuUnits: 1,
              gpuAttributes: [{ key: 'vendor/nvidia/model/h100', value: 'true' }],
            }),
          ],
        ),
      },
      'gpu model h100',
    ],
    [
      'more CPU than it has',
      { spec: spec([], [svc({ cpuMillis: 9000 }, 2)]) },
      'free cpu ≥ 18 cores',
    ],
  ])('GIVEN %s WHEN decided THEN the reason names the constraint', (_what, over, reason) => {
    const r = decide(order(over));
    expect(r.ok).toBe(false);
    expect(r.reasons).toContain(reason);
  });

  it('GIVEN the desired provider is this one (any case) WHEN decided THEN ok', () => {
    const r = decide(order({ spec: spec([{ key: 'desired_provider', value: ME.toLowerCase() }]) }));
    expect(r.ok).toBe(true);
  });

  it('GIVEN GPUs in use WHEN more are asked than remain THEN refused; a fitting ask passes', () => {
    const gpu = {
      gpuUnits: 2,
      gpuAttributes: [{ key: 'vendor/nvidia/model/rtx4090', value: 'true' }],
    };
    const used = { ...NO_USAGE, gpus: { rtx4090: 3 } };
    expect(decide(order({ spec: spec([], [svc(gpu)]) }), used).reasons).toEqual([
      'free gpu rtx4090 ≥ 2',
    ]);
    const ok = decide(order({ spec: spec([], [svc(gpu)]) }));
    expect(ok.ok && ok.demand.gpus).toEqual({ rtx4090: 2 });
  });

  it('GIVEN several unmet constraints WHEN decided THEN all are listed once', () => {
    const r = decide(order({ mode: 0, tiers: [0], spec: spec([{ key: 'region', value: 'uk' }]) }));
    expect(r.reasons).toEqual(['region=uk', 'mode=provider', 'tier in [0]']);
  });
});
