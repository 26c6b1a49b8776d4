import { describe, expect, it } from '@jest/globals';
import type { Change } from '../../../../cli/plan/plan-types.js';
import type { ApplySlotRequest, ModelView } from '../../../../cli/provider-api.js';
import type { LeaseRecord } from '../../../../cli/state/state-types.js';
import { lockPerToken } from '../../../../provider/apply/ensure-escrow.js';
import { slotRecords, slotSpecOf } from '../../../../provider/apply/slot-context.js';
import { webInstance } from '../marketplace/instance-fixture.js';

const record = (key: string, provider: string | null): LeaseRecord => ({
  key,
  status: 'ready',
  orderId: key === '0' ? '5' : '6',
  leaseId: key === '0' ? '5' : '6',
  provider,
  host: null,
  region: null,
  acceptedPrice: '1',
  token: '0xt',
  replicas: 1,
  specHash: 'sha256:x',
  manifestHash: null,
  startBlock: 1,
  numOfBlocks: 10,
  endpoints: [],
  updatedAt: '',
});

const change = (over: Partial<Change> = {}): Change => ({
  address: 'instance.web[1]',
  resource: 'instance.web',
  type: 'instance',
  name: 'web',
  key: '1',
  action: 'create',
  before: null,
  after: {
    ...webInstance,
    placement: { ...webInstance.placement, spread: 'provider' },
    key: '1',
    replicas: 1,
  },
  afterUnknown: [],
  sensitivePaths: [],
  private: JSON.stringify({ region: 'us-east', leaseId: null, orderId: null }),
  ...over,
});

const model = {
  stack: 'shop',
  resources: [
    {
      type: 'health_check',
      name: 'web',
      address: 'health_check.web',
      attributes: { instance: 'instance.web', probe: { type: 'tcp', port: 8080 } },
      hash: 'h',
    },
  ],
} as unknown as ModelView;

const req = (c: Change, leases: LeaseRecord[]): ApplySlotRequest =>
  ({
    change: c,
    model,
    prior: {
      address: 'instance.web',
      type: 'instance',
      name: 'web',
      attributes: null,
      modelHash: '',
      leases,
    },
  }) as unknown as ApplySlotRequest;

describe('slotSpecOf', () => {
  it('GIVEN a spread-provider slot WHEN read THEN its region, replicas, health check and the other slots’ providers', () => {
    const spec = slotSpecOf(req(change(), [record('0', '0xaa'), record('1', '0xbb')]));
    expect(spec).toMatchObject({
      stack: 'shop',
      instance: 'web',
      slot: { key: '1', replicas: 1, region: 'us-east' },
      excludeProviders: ['0xaa'],
    });
    expect(spec.health?.probe).toEqual({ type: 'tcp', port: 8080 });
  });

  it('GIVEN the slot records WHEN listed THEN only this key', () => {
    const r = req(change(), [record('0', '0xaa'), record('1', '0xbb')]);
    expect(slotRecords(r).map((l) => l.leaseId)).toEqual(['6']);
  });
});

describe('lockPerToken', () => {
  it('GIVEN creates, updates and a delete WHEN summed THEN per token, each update apart with its lease, deletes ignored', () => {
    const cost = (lock: string) => ({
      token: 'USDT',
      perHourBefore: '0',
      perHourAfter: '0',
      escrowToLock: lock,
    });
    const sums = lockPerToken([
      change({ cost: cost('10') }),
      change({ cost: cost('5') }),
      change({ action: 'update', cost: cost('7'), private: '{"leaseId":"42","orderId":"42"}' }),
      change({ action: 'update', cost: cost('3') }),
      change({ action: 'delete', cost: cost('100') }),
    ]);
    expect(sums).toEqual(
      new Map([
        [
          'USDT',
          {
            lockNew: 15n,
            updates: [
              { lock: 7n, leaseId: 42n },
              { lock: 3n, leaseId: null },
            ],
          },
        ],
      ]),
    );
  });
});
