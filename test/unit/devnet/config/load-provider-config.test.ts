import { describe, expect, it } from '@jest/globals';
import {
  defaultProviderConfigPath,
  loadProviderConfig,
  parseProviderConfig,
} from '../../../../devnet/config/load-provider-config.js';

describe('loadProviderConfig', () => {
  it('GIVEN the bundled file WHEN loaded THEN five providers as the devnet describes them', () => {
    const providers = loadProviderConfig(defaultProviderConfigPath());
    expect(providers.map((p) => p.region)).toEqual([
      'us-east',
      'us-east',
      'us-west',
      'eu-central',
      'us-west',
    ]);
    expect(providers.map((p) => p.index)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(providers.map((p) => (p.tier <= 2 ? 'secured' : 'community')))).toEqual(
      new Set(['secured', 'community']),
    );
    expect(providers.flatMap((p) => p.gpus.map((g) => `${g.count}x${g.model}`)).sort()).toEqual([
      '2xa100',
      '4xrtx4090',
    ]);
    for (const p of providers) {
      expect(Number(p.prices.cpuCoreHour)).toBeGreaterThanOrEqual(0.08);
      expect(Number(p.prices.cpuCoreHour)).toBeLessThanOrEqual(0.15);
      expect(p.capacityRps).toBe(10);
      expect(p.secondsPerBlock).toBe(1);
    }
    expect(new Set(providers.flatMap((p) => p.tokens))).toEqual(new Set(['USDT', 'USDC', 'uSPON']));
  });
});

describe('parseProviderConfig', () => {
  it('GIVEN several bad fields WHEN parsed THEN each is reported with its path and nothing is returned', () => {
    const r = parseProviderConfig({
      providers: [
        {
          name: '',
          index: 0,
          region: 'x',
          tier: 9,
          port: 0,
          prices: { cpuCoreHour: 'cheap', memoryGiBHour: '0', gpuHour: '0' },
          gpus: [],
          capacity: { cpuCores: 1, memoryGiB: 1, storageGiB: 1 },
          tokens: [],
          capacityRps: 10,
        },
      ],
    });
    expect(r.providers).toEqual([]);
    expect(r.diagnostics.map((d) => d.path)).toEqual(
      expect.arrayContaining([
        'providers.0.name',
        'providers.0.index',
        'providers.0.tier',
        'providers.0.prices.cpuCoreHour',
        'providers.0.tokens',
      ]),
    );
    expect(r.diagnostics.every((d) => d.code === 'devnet-provider/invalid-config')).toBe(true);
  });

  it('GIVEN no providers list WHEN parsed THEN one diagnostic', () => {
    expect(parseProviderConfig([]).diagnostics).toHaveLength(1);
  });
});
