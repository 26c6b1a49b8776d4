import { describe, expect, it } from '@jest/globals';
import type { Change } from '../../../../cli/plan/plan-types.js';
import type { StackState } from '../../../../cli/state/state-types.js';
import { summarizeCost } from '../../../../provider/cost/summarize-cost.js';
import { USDT, testNetwork } from '../resources/resource-fixtures.js';

const state: StackState = {
  formatVersion: 1,
  stack: 's',
  lineage: 'l',
  serial: 1,
  network: { name: 'local', chainId: 31337 },
  tenant: null,
  resources: [],
  outputs: {},
  journal: [],
};

function change(perHourBefore: string, perHourAfter: string, escrowToLock: string): Change {
  return {
    address: 'instance.web[0]',
    resource: 'instance.web',
    type: 'instance',
    name: 'web',
    key: '0',
    action: 'create',
    before: null,
    after: {},
    afterUnknown: [],
    sensitivePaths: [],
    cost: { token: 'USDT', perHourBefore, perHourAfter, escrowToLock },
  };
}

const model = (maxPerHour: string | null) => ({
  formatVersion: 1 as const,
  stack: 's',
  network: { name: 'local' },
  resources: [],
  hash: 'h',
  budget:
    maxPerHour === null
      ? null
      : {
          maxPerHour: { token: 'USDT', amount: maxPerHour },
          runway: null,
          topUp: null,
          maxDeposit: null,
        },
});

describe('summarizeCost', () => {
  it('GIVEN two slot costs WHEN summarized THEN sums per token to the base unit, with runway', () => {
    const r = summarizeCost({
      model: model(null),
      state,
      changes: [change('0', '1000001', '2000002'), change('500000', '999999', '0')],
      network: testNetwork(),
      escrow: new Map([[USDT, 5_000_000n]]),
    });
    expect(r.cost).toEqual([
      {
        token: 'USDT',
        decimals: 6,
        perHourBefore: '500000',
        perHourAfter: '2000000',
        escrowToLock: '2000002',
        perHourAccepted: '2000000',
        unpricedSlots: 0,
        perHourCeiling: '2000000',
        escrowAvailable: '5000000',
        runwayHours: 2.5,
        budgetPerHour: null,
      },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('GIVEN no escrow reading WHEN summarized THEN escrow and runway are null', () => {
    const r = summarizeCost({
      model: null,
      state,
      changes: [change('0', '1', '1')],
      network: testNetwork(),
      escrow: null,
    });
    expect(r.cost[0]).toMatchObject({ escrowAvailable: null, runwayHours: null });
  });

  it('GIVEN a budget exactly met WHEN summarized THEN no error', () => {
    const r = summarizeCost({
      model: model('2000000'),
      state,
      changes: [change('0', '2000000', '0')],
      network: testNetwork(),
      escrow: null,
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.cost[0]?.budgetPerHour).toBe('2000000');
  });

  it('GIVEN a budget exceeded by one base unit WHEN summarized THEN plan/budget-exceeded names both amounts in tokens', () => {
    const r = summarizeCost({
      model: model('2000000'),
      state,
      changes: [change('0', '2000001', '0')],
      network: testNetwork(),
      escrow: null,
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['plan/budget-exceeded', 'error'],
    ]);
    expect(r.diagnostics[0]?.detail).toContain('2.000001 USDT');
    expect(r.diagnostics[0]?.detail).toContain('is 2 USDT');
  });
});
