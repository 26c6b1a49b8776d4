import type { ApplyProgressEvent } from '../../../../cli/engine/apply-events.js';

const at = '2026-03-01T12:00:00.000Z';
const address = 'instance.web[0]';

/** One event of every kind, as a run of one slot would emit them. */
export const APPLY_EVENTS: readonly ApplyProgressEvent[] = [
  { type: 'slot-started', address, at, action: 'create' },
  {
    type: 'escrow-deposit',
    address: 'stack.web',
    at,
    token: 'USDT',
    amount: '5000000',
    txHash: '0x01',
    decimals: 6,
  },
  { type: 'order-created', address, at, orderId: '12', txHash: '0xabcdef0123456789abcdef' },
  { type: 'waiting', address, at: '2026-03-01T12:00:01.000Z', phase: 'match', detail: 'order 12' },
  {
    type: 'lease-matched',
    address,
    at: '2026-03-01T12:00:02.000Z',
    leaseId: '12',
    provider: '0x00000000000000000000000000000000000000b1',
    acceptedPrice: '1000',
    providerName: 'atlantic-2',
    perHour: { amount: '2000000', token: 'USDT', decimals: 6 },
  },
  {
    type: 'manifest-retry',
    address,
    at,
    leaseId: '12',
    attempt: 1,
    reason: 'provider unreachable',
  },
  { type: 'manifest-sent', address, at, leaseId: '12', attempt: 2 },
  { type: 'replica-ready', address, at, leaseId: '12', ready: 1, total: 2 },
  { type: 'health-passed', address, at, leaseId: '12' },
  { type: 'update-requested', address, at, leaseId: '12', txHash: '0x02' },
  { type: 'update-accepted', address, at, leaseId: '12' },
  { type: 'lease-updated', address, at, leaseId: '12' },
  {
    type: 'lease-closed',
    address,
    at,
    leaseId: '9',
    released: '120000',
    token: 'USDT',
    decimals: 6,
  },
  { type: 'slot-done', address, at: '2026-03-01T12:00:04.500Z', action: 'create' },
  {
    type: 'slot-failed',
    address: 'instance.web[1]',
    at,
    action: 'create',
    diagnostics: [
      { severity: 'error', code: 'apply/no-match', summary: 'No provider matched the order' },
    ],
  },
];
