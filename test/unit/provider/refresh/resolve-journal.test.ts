import { describe, expect, it } from '@jest/globals';
import type { JournalEntry, StackState } from '../../../../cli/state/state-types.js';
import { encodeOrder } from '../../../../provider/marketplace/encode-order.js';
import type { OrderInfo } from '../../../../provider/marketplace/marketplace-types.js';
import type {
  CreatedOrderLog,
  OrderTxLookup,
} from '../../../../provider/marketplace/order-logs.js';
import { resolveJournal } from '../../../../provider/refresh/resolve-journal.js';
import type { ResolveJournalInput } from '../../../../provider/refresh/resolve-journal.js';
import { instance, testNetwork } from '../resources/resource-fixtures.js';

// A fake chain: each tx hash answers a scripted sequence of lookups (the last one repeats), the
// clock advances only when the resolver sleeps, and every call is counted.

const NOW = new Date('2026-03-01T12:00:00.000Z');
const TENANT = '0x00000000000000000000000000000000000000aa';
const spec = encodeOrder({
  stack: 'shop',
  instance: 'web',
  model: instance(),
  slot: { key: '0', replicas: 1, region: null },
  network: testNetwork(),
}).spec;

const orderLog = (orderId: bigint, txHash: string, blockNumber = 10): CreatedOrderLog => ({
  orderId,
  creator: TENANT,
  spec,
  blockNumber,
  txHash,
});

const orderInfo = (id: bigint): OrderInfo => ({
  id,
  maxPrice: 1n,
  numOfBlocks: 3600n,
  token: testNetwork().tokens[0]?.address ?? '',
  creator: TENANT,
  state: 'open',
  spec,
  version: 1,
  mode: 'provider',
  tiers: [3],
});

const entry = (id: string, txHash: string | null, nonce?: number): JournalEntry => ({
  id,
  operation: 'create-order',
  address: 'instance.web',
  key: '0',
  orderId: null,
  txHash,
  ...(nonce === undefined ? {} : { nonce }),
  createdAt: '2026-03-01T11:59:00.000Z',
});

const state = (journal: JournalEntry[]): StackState => ({
  formatVersion: 1,
  stack: 'shop',
  lineage: 'l',
  serial: 3,
  network: { name: 'local', chainId: 31337 },
  tenant: TENANT,
  resources: [],
  outputs: {},
  journal,
});

function fakeChain(
  script: Record<string, OrderTxLookup[]>,
  logs: CreatedOrderLog[] = [],
  counts: { mined: number; pending: number } = { mined: 0, pending: 0 },
) {
  const calls = { lookups: [] as string[], scans: 0, slept: 0 };
  let ms = 0;
  const input: Omit<ResolveJournalInput, 'prior'> = {
    tenant: TENANT,
    now: NOW,
    pollMs: 500,
    clock: {
      now: () => ms,
      sleep: async (d) => {
        calls.slept += 1;
        ms += d;
      },
    },
    marketplace: {
      orderOfTx: async (h) => {
        calls.lookups.push(h);
        const seq = script[h] ?? [{ status: 'unknown' }];
        return (seq.length > 1 ? seq.shift() : seq[0]) as OrderTxLookup;
      },
      ordersCreatedBy: async () => {
        calls.scans += 1;
        return logs;
      },
      blockNumber: async () => 5000,
      readOrders: async (ids) => ids.map(orderInfo),
      transactionCounts: async () => counts,
    },
  };
  return { input, calls, elapsed: () => ms };
}

const slotOrders = (s: StackState): string[] =>
  s.resources.flatMap((r) => r.leases.map((l) => `${l.key}:${l.orderId}:${l.status}`));

describe('resolveJournal', () => {
  it('GIVEN an order mined long ago WHEN resolved THEN its receipt names the order, no log scan', async () => {
    const chain = fakeChain({ '0xa': [{ status: 'mined', order: orderLog(7n, '0xa', 1) }] });
    const res = await resolveJournal({ ...chain.input, prior: state([entry('j1', '0xa')]) });
    expect(res.diagnostics).toEqual([]);
    expect(res.state.journal).toEqual([]);
    expect(slotOrders(res.state)).toEqual(['0:7:planned']);
    expect(chain.calls.scans).toBe(0);
  });

  it('GIVEN an order still pending WHEN resolved with a wait THEN it is waited for and adopted, not forgotten', async () => {
    const chain = fakeChain({
      '0xa': [
        { status: 'pending' },
        { status: 'pending' },
        { status: 'mined', order: orderLog(8n, '0xa') },
      ],
    });
    const lines: string[] = [];
    const res = await resolveJournal({
      ...chain.input,
      prior: state([entry('j1', '0xa')]),
      pendingTimeoutMs: 60_000,
      log: (l) => lines.push(l),
    });
    expect(res.diagnostics).toEqual([]);
    expect(res.state.journal).toEqual([]);
    expect(slotOrders(res.state)).toEqual(['0:8:planned']);
    expect(chain.calls.lookups).toEqual(['0xa', '0xa', '0xa']);
    expect(lines).toEqual([
      'Waiting up to 1m for the pending order of an earlier apply to be mined (instance.web[0]: 0xa)…',
    ]);
  });

  it('GIVEN an order pending past the deadline WHEN resolved THEN the entry stays in the journal and plan/order-pending is reported', async () => {
    const chain = fakeChain({ '0xa': [{ status: 'pending' }] });
    const prior = state([entry('j1', '0xa')]);
    const res = await resolveJournal({ ...chain.input, prior, pendingTimeoutMs: 2_000 });
    expect(res.state.journal).toEqual(prior.journal);
    expect(res.state.resources).toEqual([]);
    expect(chain.elapsed()).toBe(2_000);
    expect(chain.calls.scans).toBe(0);
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'plan/order-pending',
      address: 'instance.web[0]',
    });
    expect(res.diagnostics[0]?.detail).toContain('0xa');
    expect(res.diagnostics[0]?.detail).toContain('after waiting 2s');
  });

  it('GIVEN an order pending and no wait allowed WHEN resolved THEN it is asked about once and kept', async () => {
    const chain = fakeChain({ '0xa': [{ status: 'pending' }] });
    const prior = state([entry('j1', '0xa')]);
    const res = await resolveJournal({ ...chain.input, prior });
    expect(chain.calls.lookups).toEqual(['0xa']);
    expect(chain.calls.slept).toBe(0);
    expect(res.state.journal).toEqual(prior.journal);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['plan/order-pending']);
  });

  it('GIVEN a hash the node does not know WHEN resolved THEN it counts as never sent: cleared, nothing found, no scan', async () => {
    const chain = fakeChain({ '0xa': [{ status: 'unknown' }] });
    const res = await resolveJournal({
      ...chain.input,
      prior: state([entry('j1', '0xa')]),
      pendingTimeoutMs: 60_000,
    });
    expect(res).toEqual({ state: state([]), diagnostics: [] });
    expect(chain.calls.scans).toBe(0);
    expect(chain.calls.slept).toBe(0);
  });

  it('GIVEN an intent without a hash WHEN resolved THEN the log scan finds the tagged order', async () => {
    const chain = fakeChain({}, [orderLog(9n, '0xb')]);
    const res = await resolveJournal({ ...chain.input, prior: state([entry('j1', null)]) });
    expect(slotOrders(res.state)).toEqual(['0:9:planned']);
    expect(res.state.journal).toEqual([]);
    expect(chain.calls.scans).toBe(1);
  });

  it('GIVEN an unknown hash whose nonce the wallet has used WHEN resolved THEN an earlier version may have been mined: the log scan adopts the tagged order', async () => {
    const chain = fakeChain({ '0xb2': [{ status: 'unknown' }] }, [orderLog(11n, '0xb1')], {
      mined: 8,
      pending: 8,
    });
    const res = await resolveJournal({ ...chain.input, prior: state([entry('j1', '0xb2', 7)]) });
    expect(slotOrders(res.state)).toEqual(['0:11:planned']);
    expect(res.state.journal).toEqual([]);
    expect(chain.calls.scans).toBe(1);
  });

  it('GIVEN an unknown hash whose nonce is still held in the mempool WHEN resolved THEN it stays pending: no second order for the slot', async () => {
    const chain = fakeChain({ '0xb2': [{ status: 'unknown' }] }, [], { mined: 7, pending: 8 });
    const prior = state([entry('j1', '0xb2', 7)]);
    const res = await resolveJournal({ ...chain.input, prior });
    expect(res.state.journal).toEqual(prior.journal);
    expect(res.diagnostics.map((d) => d.code)).toEqual(['plan/order-pending']);
    expect(chain.calls.scans).toBe(0);
  });

  it('GIVEN an unknown hash whose nonce is unused WHEN resolved THEN it was never sent: cleared, no scan', async () => {
    const chain = fakeChain({ '0xb2': [{ status: 'unknown' }] }, [orderLog(11n, '0xb1')], {
      mined: 7,
      pending: 7,
    });
    const res = await resolveJournal({ ...chain.input, prior: state([entry('j1', '0xb2', 7)]) });
    expect(res).toEqual({ state: state([]), diagnostics: [] });
    expect(chain.calls.scans).toBe(0);
  });
});
