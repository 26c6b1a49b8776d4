import { describe, expect, it } from '@jest/globals';
import { describeDemand, fitsCapacity } from '../../../../provider/apply/decide-capacity-fit.js';
import type { SlotDemand } from '../../../../provider/apply/decide-capacity-fit.js';
import { decideMatchScreen } from '../../../../provider/apply/decide-match-screen.js';
import type { NoMatchProvider } from '../../../../provider/apply/explain-no-match.js';
import type { InventoryNode } from '../../../../provider/apply/parse-provider-inventory.js';

// Issue 11 item 7: each replica fits on one node; the slot's replicas fit across the nodes.
const GiB = 1n << 30n;
const n = (cores: number, gib: bigint, over: Partial<InventoryNode> = {}): InventoryNode => ({
  cpuMillis: cores * 1000,
  memoryBytes: gib * GiB,
  storageBytes: 100n * GiB,
  gpus: 0,
  gpuModels: [],
  ...over,
});
const demand = (over: Partial<SlotDemand> = {}): SlotDemand => ({
  replicas: 2,
  cpuMillis: 4000,
  memoryBytes: 8n * GiB,
  storageBytes: 0n,
  gpus: 0,
  gpuModels: [],
  ...over,
});

describe('fitsCapacity', () => {
  it('GIVEN two replicas that fit on one node together WHEN checked THEN it fits', () => {
    expect(fitsCapacity({ nodes: [n(8, 16n)] }, demand())).toBe(true);
  });

  it('GIVEN enough free capacity in total but no node big enough for one replica WHEN checked THEN it does not fit', () => {
    expect(fitsCapacity({ nodes: [n(3, 64n), n(3, 64n), n(3, 64n)] }, demand())).toBe(false);
  });

  it('GIVEN one replica per node WHEN two nodes each take one THEN the slot fits across them', () => {
    expect(fitsCapacity({ nodes: [n(5, 10n), n(5, 10n)] }, demand())).toBe(true);
    expect(fitsCapacity({ nodes: [n(5, 10n)] }, demand())).toBe(false);
  });

  it('GIVEN GPUs WHEN the node has too few, or another model, THEN it does not fit', () => {
    const gpu = demand({ replicas: 1, gpus: 2, gpuModels: ['a100'] });
    expect(fitsCapacity({ nodes: [n(64, 256n, { gpus: 2, gpuModels: ['a100'] })] }, gpu)).toBe(
      true,
    );
    expect(fitsCapacity({ nodes: [n(64, 256n, { gpus: 1, gpuModels: ['a100'] })] }, gpu)).toBe(
      false,
    );
    expect(fitsCapacity({ nodes: [n(64, 256n, { gpus: 4, gpuModels: ['rtx4090'] })] }, gpu)).toBe(
      false,
    );
  });

  it('GIVEN a GPU named the way the inventory operator reports it WHEN checked THEN it is the same model', () => {
    const gpu = demand({ replicas: 1, gpus: 1, gpuModels: ['a100'] });
    expect(
      fitsCapacity({ nodes: [n(64, 256n, { gpus: 1, gpuModels: ['a100-sxm4-80gb'] })] }, gpu),
    ).toBe(true);
  });

  it('GIVEN ephemeral storage WHEN the node has less free THEN it does not fit', () => {
    const big = demand({ replicas: 1, storageBytes: 200n * GiB });
    expect(fitsCapacity({ nodes: [n(64, 256n)] }, big)).toBe(false);
  });

  it('GIVEN a demand WHEN described THEN human units', () => {
    expect(describeDemand(demand())).toBe('2 × (4 CPU, 8 GiB)');
    expect(
      describeDemand(demand({ replicas: 1, storageBytes: 10n * GiB, gpus: 1, cpuMillis: 500 })),
    ).toBe('1 × (0.5 CPU, 8 GiB, 10 GiB storage, 1 GPU)');
  });
});

describe('capacity as a screening constraint', () => {
  const provider = (i: number, capacity: NoMatchProvider['capacity']): NoMatchProvider => ({
    address: `0x${i}`,
    active: true,
    tier: 4,
    region: 'us-east',
    gpuModels: [],
    tokens: null,
    capacity,
  });
  const order = {
    regions: [],
    tiers: [],
    allowProviders: [],
    denyProviders: [],
    gpuModels: [],
    token: '0xaa',
    maxPrice: 0n,
    demand: demand(),
  };

  it('GIVEN no provider with room WHEN screened THEN "no provider has free capacity for 2 × (4 CPU, 8 GiB) (0 of 2)"', () => {
    const r = decideMatchScreen({
      order,
      providers: [provider(1, { nodes: [n(2, 4n)] }), provider(2, { nodes: [n(4, 4n)] })],
      tokenSymbol: 'USDT',
    });
    expect(r.reason).toBe('no provider has free capacity for 2 × (4 CPU, 8 GiB) (0 of 2)');
    expect(r.hint).toContain('fewer resources');
  });

  it('GIVEN a provider whose capacity is unknown WHEN screened THEN it is not excluded', () => {
    const r = decideMatchScreen({
      order,
      providers: [provider(1, { nodes: [n(2, 4n)] }), provider(2, null), provider(3, undefined)],
      tokenSymbol: 'USDT',
    });
    expect(r).toMatchObject({ eligible: 2, reason: null });
  });
});
