import { describe, expect, it } from '@jest/globals';
import { maxAffordableReplicas } from '../../../../provider/autoscale/max-affordable.js';

const inst = (address: string, amount: string, count = 1, token = 'USDT') => ({
  type: 'instance',
  address,
  attributes: { pricing: { token, amount }, count },
});
const model = (budget: string | null, ...resources: unknown[]) => ({
  budget: budget === null ? null : { maxPerHour: { token: 'USDT', amount: budget } },
  resources,
});

describe('maxAffordableReplicas', () => {
  it('GIVEN a budget of 10 and another instance using 4 WHEN the web replica costs 2 THEN 3 replicas', () => {
    const r = maxAffordableReplicas({
      model: model('10000000', inst('instance.web', '2000000'), inst('instance.api', '1000000', 1)),
      address: 'instance.web',
      live: new Map([['instance.api', 4]]),
      decimals: 6,
    });
    expect(r).toEqual({ maxReplicasAffordable: 3, label: 'max 10 USDT/h' });
  });

  it('GIVEN no budget WHEN asked THEN no ceiling', () => {
    const r = maxAffordableReplicas({
      model: model(null, inst('instance.web', '2')),
      address: 'instance.web',
      live: new Map(),
      decimals: 6,
    });
    expect(r.maxReplicasAffordable).toBeNull();
  });

  it('GIVEN the others already spend the whole budget WHEN asked THEN 0', () => {
    const r = maxAffordableReplicas({
      model: model('5', inst('instance.web', '2'), inst('instance.api', '5', 1)),
      address: 'instance.web',
      live: new Map([['instance.api', 2]]),
      decimals: null,
    });
    expect(r.maxReplicasAffordable).toBe(0);
    expect(r.label).toBe('max 5 base units USDT/h');
  });

  it('GIVEN an instance paid in another token WHEN asked THEN no ceiling', () => {
    const r = maxAffordableReplicas({
      model: model('5', inst('instance.web', '2', 1, 'USDC')),
      address: 'instance.web',
      live: new Map(),
      decimals: 6,
    });
    expect(r.maxReplicasAffordable).toBeNull();
  });
});
