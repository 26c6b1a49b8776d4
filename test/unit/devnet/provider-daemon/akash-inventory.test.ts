import { describe, expect, it } from '@jest/globals';
import type { ProviderConfig } from '../../../../devnet/config/load-provider-config.js';
import { akashCluster } from '../../../../devnet/provider-daemon/akash-inventory.js';
import { NO_USAGE } from '../../../../devnet/provider-daemon/decide-can-serve.js';
import { parseProviderInventory } from '../../../../provider/apply/parse-provider-inventory.js';

// Issue 11 item 7: the devnet provider publishes what real providers publish at GET /status.
const GiB = 2 ** 30;
const config: ProviderConfig = {
  name: 'p',
  index: 2,
  region: 'us-east',
  tier: 4,
  port: 0,
  prices: { cpuCoreHour: '0.08', memoryGiBHour: '0.008', gpuHour: '0.60' },
  gpus: [{ vendor: 'nvidia', model: 'rtx4090', count: 4 }],
  capacity: { cpuCores: 16, memoryGiB: 64, storageGiB: 512 },
  tokens: ['USDT'],
  capacityRps: 10,
  secondsPerBlock: 1,
};

describe('akashCluster', () => {
  it('GIVEN leases using part of the provider WHEN published THEN available is capacity minus use, in Akash units', () => {
    const used = {
      cpuMillis: 4000,
      memoryBytes: 8 * GiB,
      storageBytes: 10 * GiB,
      gpus: { rtx4090: 1 },
    };
    const c = akashCluster(config, used, 2);
    const node = c.inventory.available.nodes[0];
    expect(node?.allocatable).toMatchObject({ cpu: 16000, memory: 64 * GiB, gpu: 4 });
    expect(node?.available).toMatchObject({
      cpu: 12000,
      memory: 56 * GiB,
      storage_ephemeral: 502 * GiB,
      gpu: 3,
    });
    expect(node?.available.gpu_infos).toHaveLength(3);
    expect(node?.available.gpu_infos[0]).toEqual({ vendor: 'nvidia', name: 'rtx4090' });
  });

  it('GIVEN the published body WHEN Leasehold parses it THEN it reads the free capacity back', () => {
    const inv = parseProviderInventory({ cluster: akashCluster(config, NO_USAGE, 0) });
    expect(inv).toEqual({
      nodes: [
        {
          cpuMillis: 16000,
          memoryBytes: BigInt(64 * GiB),
          storageBytes: BigInt(512 * GiB),
          gpus: 4,
          gpuModels: ['rtx4090'],
        },
      ],
    });
  });
});
