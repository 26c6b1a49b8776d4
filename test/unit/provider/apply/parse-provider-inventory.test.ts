import { describe, expect, it } from '@jest/globals';
import { parseProviderInventory } from '../../../../provider/apply/parse-provider-inventory.js';

// Issue 11 item 7: GET /status in Akash's shape; anything else is "unknown", never an exclusion.
const node = (available: Record<string, unknown>, allocatable: Record<string, unknown> = {}) => ({
  name: 'n1',
  allocatable,
  available,
});
const body = (nodes: unknown) => ({ cluster: { inventory: { available: { nodes } } } });

describe('parseProviderInventory', () => {
  it('GIVEN nodes with available figures WHEN parsed THEN millicores, bytes, GPUs and models per node', () => {
    const inv = parseProviderInventory(
      body([
        node(
          { cpu: 7500, memory: '17179869184', storage_ephemeral: 1e11, gpu: 2 },
          { gpu_infos: [{ vendor: 'nvidia', name: 'A100' }] },
        ),
        node({ cpu: 2000, memory: 4294967296 }),
      ]),
    );
    expect(inv).toEqual({
      nodes: [
        {
          cpuMillis: 7500,
          memoryBytes: 17179869184n,
          storageBytes: 100000000000n,
          gpus: 2,
          gpuModels: ['a100'],
        },
        { cpuMillis: 2000, memoryBytes: 4294967296n, storageBytes: 0n, gpus: 0, gpuModels: [] },
      ],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ok'],
    ['the devnet-only fields', { name: 'p', capacity: { cpuCores: 8 } }],
    ['no nodes list', { cluster: { inventory: { available: {} } } }],
    ['an empty nodes list (the SDK stand-in for an unread provider)', body([])],
    ['a node without cpu', body([node({ memory: 1 })])],
    ['a negative figure', body([node({ cpu: -1, memory: 1 })])],
    [
      'one bad node among good ones',
      body([node({ cpu: 1, memory: 1 }), node({ cpu: 'x', memory: 1 })]),
    ],
  ])('GIVEN %s WHEN parsed THEN capacity is unknown (null)', (_, v) => {
    expect(parseProviderInventory(v)).toBeNull();
  });
});
