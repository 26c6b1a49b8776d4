import { describe, expect, it } from '@jest/globals';
import type { LeaseRecord, StackState } from '../../../../cli/state/state-types.js';
import type { LeaseInfo, OrderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import type { ChainLease, LeaseStatusReading } from '../../../../provider/refresh/chain-lease.js';
import { reconcileLeases } from '../../../../provider/refresh/reconcile-leases.js';
import { USDT, instance, lease, priorState } from '../resources/resource-fixtures.js';

const TENANT = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const PROVIDER = '0x90f79bf6eb2c4f870365e785982e1f101e93b906';
const now = new Date('2026-02-01T00:00:00.000Z');

function chain(
  id: string,
  key: string,
  over: { lease?: Partial<LeaseInfo> | null; order?: Partial<OrderInfo>; stack?: string } = {},
): ChainLease {
  const order: OrderInfo = {
    id: BigInt(id),
    maxPrice: 300_000_000_000_000n,
    numOfBlocks: 3600n,
    token: USDT,
    creator: TENANT,
    state: 'matched',
    spec: `{n:lh1.shop.web.${key}}`,
    version: 1,
    mode: 'provider',
    tiers: [],
    ...over.order,
  };
  const lease: LeaseInfo | null =
    over.lease === null
      ? null
      : {
          leaseId: BigInt(id),
          fizzId: 0n,
          requestId: BigInt(id),
          acceptedPrice: 200_000_000_000_000n,
          provider: PROVIDER,
          tenant: TENANT,
          startBlock: 10,
          startTime: 0,
          endTime: 0,
          state: 'active',
          ...over.lease,
        };
  return {
    id,
    order,
    lease,
    tag: { stack: over.stack ?? 'shop', instance: 'web', key },
    replicas: 1,
    region: null,
    cpu: 500,
    memory: '536870912',
    provider: {
      address: PROVIDER,
      hostUri: '127.0.0.1:41001',
      certificate: null,
      status: 'active',
      tier: 0,
      region: 'us-east',
      spec: '',
    },
    specHash: `sha256:${id}`,
  };
}

function state(leases: readonly LeaseRecord[]): StackState {
  return {
    formatVersion: 1,
    stack: 'shop',
    lineage: 'lin',
    serial: 4,
    network: { name: 'local', chainId: 31337 },
    tenant: TENANT,
    resources: [priorState(instance({ count: leases.length }), leases)],
    outputs: {},
    journal: [],
  };
}

function run(
  prior: StackState,
  leases: ChainLease[],
  statuses: [string, LeaseStatusReading][] = [],
  blockNumber = 100,
) {
  return reconcileLeases({
    stack: 'shop',
    prior,
    tenant: TENANT,
    facts: {
      blockNumber,
      leases: new Map(leases.map((c) => [c.id, c])),
      activeIds: new Set(leases.filter((c) => c.lease?.state === 'active').map((c) => c.id)),
      statuses: new Map(statuses),
    },
    now,
    adoptAttributes: (c) => ({ resources: { cpu: c.cpu } }),
  });
}

const ok = (port: number): LeaseStatusReading => ({
  kind: 'ok',
  status: {
    services: {},
    forwardedPorts: {
      web: [{ host: '127.0.0.1', port: 80, externalPort: port, proto: 'TCP', name: 'web' }],
    },
  },
});

const serving = (ready: number): LeaseStatusReading => ({
  kind: 'ok',
  status: {
    services: {
      web: { name: 'web', available: ready, total: ready, readyReplicas: ready, uris: [] },
    },
    forwardedPorts: {},
  },
});

describe('reconcileLeases', () => {
  it('GIVEN state and chain agree WHEN reconciled THEN no drift, lineage and serial kept, endpoints refreshed', () => {
    const r = run(
      state([lease('0', { leaseId: '7', orderId: '7' })]),
      [chain('7', '0')],
      [['7', ok(5000)]],
    );
    expect(r.drift).toEqual([]);
    expect(r.state.lineage).toBe('lin');
    expect(r.state.serial).toBe(4);
    expect(r.state.resources[0]?.leases[0]).toMatchObject({
      leaseId: '7',
      endpoints: ['http://127.0.0.1:5000'],
      updatedAt: now.toISOString(),
    });
  });

  it('GIVEN a lease with secret HMACs and a salted state WHEN reconciled THEN both survive (the chain cannot tell them)', () => {
    const hmacs = { WEB_API_KEY: 'hmac-sha256:' + 'e'.repeat(64) };
    const prior = { ...state([lease('0', { leaseId: '7', orderId: '7', secretHmacs: hmacs })]) };
    const r = run({ ...prior, secretSalt: 'ab'.repeat(32) }, [chain('7', '0')], [['7', ok(5000)]]);
    expect(r.state.secretSalt).toBe('ab'.repeat(32));
    expect(r.state.resources[0]?.leases[0]?.secretHmacs).toEqual(hmacs);
  });

  it('GIVEN a lease terminated on chain WHEN reconciled THEN drift closed-outside and the lease leaves state', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7' })]), [
      chain('7', '0', { lease: { state: 'terminated' } }),
    ]);
    expect(r.drift).toEqual([
      {
        address: 'instance.web[0]',
        kind: 'closed-outside',
        detail: 'Lease 7 was closed outside Leasehold.',
        leaseId: '7',
      },
    ]);
    expect(r.state.resources[0]?.leases).toEqual([]);
    expect(r.state.resources[0]?.address).toBe('instance.web');
  });

  it('GIVEN a lease past its last block WHEN reconciled THEN drift closed-outside for expiry', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7' })]), [chain('7', '0')], [], 3610);
    expect(r.drift.map((d) => [d.kind, d.detail])).toEqual([
      ['closed-outside', 'Lease 7 expired at block 3610.'],
    ]);
  });

  it('GIVEN a state lease id unknown to the chain WHEN reconciled THEN drift missing and removed', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7' })]), []);
    expect(r.drift.map((d) => [d.address, d.kind])).toEqual([['instance.web[0]', 'missing']]);
    expect(r.state.resources[0]?.leases).toEqual([]);
  });

  it('GIVEN a live lease tagged for this stack but not in state WHEN reconciled THEN adopted and reported', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7' })]), [
      chain('7', '0'),
      chain('9', '1'),
    ]);
    expect(r.drift.map((d) => [d.address, d.kind, d.leaseId])).toEqual([
      ['instance.web[1]', 'adopted', '9'],
    ]);
    expect(r.state.resources[0]?.leases.map((l) => [l.key, l.leaseId, l.acceptedPrice])).toEqual([
      ['0', '7', '200000000000000'],
      ['1', '9', '200000000000000'],
    ]);
  });

  it('GIVEN a lease of another stack WHEN reconciled THEN it is ignored', () => {
    const r = run(state([]), [chain('9', '0', { stack: 'other' })]);
    expect(r.drift).toEqual([]);
    expect(r.state.resources[0]?.leases).toEqual([]);
  });

  it('GIVEN a second live lease for a slot state holds WHEN reconciled THEN it is adopted and the lowest lease id comes first, so plan deletes the other as a duplicate', () => {
    const r = run(state([lease('0', { leaseId: '9', orderId: '9' })]), [
      chain('5', '0'),
      chain('9', '0'),
    ]);
    expect(r.state.resources[0]?.leases.map((l) => l.leaseId)).toEqual(['5', '9']);
    expect(r.drift.map((d) => d.kind)).toEqual(['adopted']);
  });

  it('GIVEN an empty state WHEN several leases share a slot THEN they are adopted in lease-id order into a new resource', () => {
    const empty: StackState = { ...state([]), resources: [] };
    const r = run(empty, [chain('12', '0'), chain('3', '0')]);
    expect(r.state.resources.map((x) => [x.address, x.type, x.name, x.attributes])).toEqual([
      ['instance.web', 'instance', 'web', { resources: { cpu: 500 } }],
    ]);
    expect(r.state.resources[0]?.leases.map((l) => l.leaseId)).toEqual(['3', '12']);
    expect(r.state.tenant).toBe(TENANT);
  });

  it('GIVEN a planned slot whose order matched WHEN reconciled THEN it becomes the lease', () => {
    const planned = lease('0', {
      status: 'planned',
      leaseId: null,
      orderId: '7',
      provider: null,
      acceptedPrice: null,
      startBlock: null,
    });
    const r = run(state([planned]), [chain('7', '0')], [['7', serving(1)]]);
    expect(r.drift).toEqual([]);
    expect(r.state.resources[0]?.leases[0]).toMatchObject({
      status: 'ready',
      leaseId: '7',
      provider: PROVIDER,
      startBlock: 10,
    });
  });

  it('GIVEN a planned slot whose order matched but whose provider has no manifest WHEN reconciled THEN it stays planned with its lease id, so apply resumes it', () => {
    const planned = lease('0', { status: 'planned', leaseId: null, orderId: '7', provider: null });
    const r = run(
      state([planned]),
      [chain('7', '0')],
      [['7', { kind: 'no-status', message: 'HTTP 404' }]],
    );
    expect(r.state.resources[0]?.leases[0]).toMatchObject({ status: 'planned', leaseId: '7' });
  });

  it('GIVEN a tagged lease not in state whose provider has no manifest WHEN adopted THEN it is planned', () => {
    const empty: StackState = { ...state([]), resources: [] };
    const r = run(empty, [chain('3', '0')], [['3', { kind: 'no-status', message: 'HTTP 404' }]]);
    expect(r.state.resources[0]?.leases[0]).toMatchObject({ status: 'planned', leaseId: '3' });
  });

  it('GIVEN ready, planned and tainted leases of one slot WHEN reconciled THEN ready comes first, then planned, then tainted', () => {
    const r = run(
      state([
        lease('0', { leaseId: '2', orderId: '2', status: 'tainted' }),
        lease('0', { leaseId: '4', orderId: '4', status: 'planned' }),
        lease('0', { leaseId: '6', orderId: '6' }),
      ]),
      [chain('2', '0'), chain('4', '0'), chain('6', '0')],
      [
        ['2', serving(1)],
        ['4', { kind: 'no-status', message: 'HTTP 404' }],
        ['6', serving(1)],
      ],
    );
    expect(r.state.resources[0]?.leases.map((l) => [l.leaseId, l.status])).toEqual([
      ['6', 'ready'],
      ['4', 'planned'],
      ['2', 'tainted'],
    ]);
  });

  it('GIVEN a planned slot whose order is still open WHEN reconciled THEN it stays planned', () => {
    const planned = lease('0', { status: 'planned', leaseId: null, orderId: '7', provider: null });
    const r = run(state([planned]), [chain('7', '0', { lease: null, order: { state: 'open' } })]);
    expect(r.state.resources[0]?.leases[0]).toMatchObject({ status: 'planned', leaseId: null });
    expect(r.drift).toEqual([]);
  });

  it('GIVEN an unreachable provider WHEN reconciled THEN drift unknown and the lease kept exactly as it was', () => {
    const before = lease('0', { leaseId: '7', orderId: '7' });
    const r = run(
      state([before]),
      [chain('7', '0')],
      [['7', { kind: 'unreachable', message: 'connect ECONNREFUSED' }]],
    );
    expect(r.drift.map((d) => [d.address, d.kind])).toEqual([['instance.web[0]', 'unknown']]);
    expect(r.drift[0]?.detail).toContain('ECONNREFUSED');
    expect(r.state.resources[0]?.leases[0]).toEqual(before);
  });

  it('GIVEN a new accepted price on chain WHEN reconciled THEN drift changed and the state takes the chain value', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7' })]), [
      chain('7', '0', { lease: { acceptedPrice: 1n } }),
    ]);
    expect(r.drift.map((d) => d.kind)).toEqual(['changed']);
    expect(r.state.resources[0]?.leases[0]?.acceptedPrice).toBe('1');
  });

  it('GIVEN a tainted lease still live WHEN reconciled THEN it stays tainted', () => {
    const r = run(state([lease('0', { leaseId: '7', orderId: '7', status: 'tainted' })]), [
      chain('7', '0'),
    ]);
    expect(r.state.resources[0]?.leases[0]?.status).toBe('tainted');
  });
});
