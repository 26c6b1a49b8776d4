import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { Change } from '../../cli/plan/plan-types.js';
import type {
  ApplyEvent,
  ApplySlotRequest,
  ApplySlotResponse,
  LeaseStatusView,
} from '../../cli/provider-api.js';
import type { LeaseRecord, StackState } from '../../cli/state/state-types.js';

// The apply half of the in-memory provider: a fake but faithful applySlot (journal before the
// "transaction", records as facts arrive, the old lease kept as the second record of a
// replacement until it is closed), ensureEscrow, status and logs over a tiny fake chain.

/** What a test can change about apply. */
export interface MemoryApplyOptions {
  /** Called mid-slot (after the order is "sent", before the match): gate, abort, or throw. */
  readonly onApply?: ((change: Change, req: ApplySlotRequest) => Promise<void>) | undefined;
  /** Slot addresses whose match fails with `apply/no-match`. */
  readonly failSlots?: readonly string[] | undefined;
  /** Escrow shortfall in base units: ensureEscrow then fails with `apply/insufficient-funds`. */
  readonly escrowShortfall?: bigint | undefined;
}

/** What the fake chain saw, for assertions. */
export interface MemoryChain {
  /** `create instance.web[0]`, `close 101`, … in the order sent. */
  readonly sent: string[];
  /** Lease ids open on the fake chain. */
  readonly active: Set<string>;
  /** How many applySlot calls ran at once, at most. */
  maxConcurrent: number;
  /** Every event applySlot emitted. */
  readonly events: ApplyEvent[];
  escrowCalls: number;
}

/** A fresh fake chain; lease ids start at 1000. */
export function createMemoryChain(): MemoryChain {
  return { sent: [], active: new Set(), maxConcurrent: 0, events: [], escrowCalls: 0 };
}

/** The session members of apply over a fake chain. */
export function memoryApply(chain: MemoryChain, opts: MemoryApplyOptions = {}) {
  let running = 0;
  let nextId = 1000;
  const at = '2026-03-01T12:00:00.000Z';
  const emit = (req: ApplySlotRequest, e: ApplyEvent): void => {
    chain.events.push(e);
    req.emit(e);
  };
  async function create(req: ApplySlotRequest, key: string): Promise<LeaseRecord | Diagnostic> {
    const address = req.change.address;
    const handle = await req.journal({
      operation: 'create-order',
      address: req.change.resource,
      key,
      orderId: null,
      txHash: null,
    });
    const id = String(nextId++);
    chain.sent.push(`create ${address}`);
    await handle.update({ txHash: `0xtx${id}`, orderId: id });
    emit(req, { type: 'order-created', address, at, orderId: id, txHash: `0xtx${id}` });
    const planned = record(key, id, 'planned', req.change.after);
    await req.recordLeases([planned]);
    await handle.clear();
    await opts.onApply?.(req.change, req);
    if (opts.failSlots?.includes(address)) {
      await req.recordLeases([]);
      return errorDiag({
        code: 'apply/no-match',
        summary: 'No provider matched the order',
        detail: `Order ${id} of ${address} got no bid within the match timeout; the order stays open.`,
        hint: 'Raise pricing.maxPerHour or relax placement.',
      });
    }
    chain.active.add(id);
    emit(req, {
      type: 'lease-matched',
      address,
      at,
      leaseId: id,
      provider: '0xp1',
      acceptedPrice: '1',
    });
    emit(req, { type: 'replica-ready', address, at, leaseId: id, ready: 1, total: 1 });
    return { ...planned, status: 'ready', leaseId: id, endpoints: [`http://127.0.0.1:${id}`] };
  }
  async function close(req: ApplySlotRequest, lease: LeaseRecord): Promise<void> {
    const id = lease.leaseId ?? lease.orderId;
    const handle = await req.journal({
      operation: 'close-lease',
      address: req.change.resource,
      key: lease.key,
      orderId: id,
      txHash: null,
    });
    chain.sent.push(`close ${id}`);
    chain.active.delete(id);
    emit(req, {
      type: 'lease-closed',
      address: req.change.address,
      at,
      leaseId: id,
      released: '0',
    });
    await handle.clear();
  }
  async function slot(req: ApplySlotRequest): Promise<ApplySlotResponse> {
    const { change } = req;
    const key = change.key;
    if (key === null) return { leases: [], diagnostics: [] };
    const old = req.prior?.leases.filter((l) => l.key === key) ?? [];
    const [current] = old;
    if (change.action === 'delete') {
      for (const l of old) await close(req, l);
      await req.recordLeases([]);
      return { leases: [], diagnostics: [] };
    }
    if (change.action === 'update' && current !== undefined) {
      chain.sent.push(`update ${current.leaseId ?? ''}`);
      const updated = { ...current, manifestHash: `m-${JSON.stringify(change.after).length}` };
      await req.recordLeases([updated]);
      return { leases: [updated], diagnostics: [] };
    }
    if (change.action === 'delete-then-create') {
      for (const l of old) await close(req, l);
      await req.recordLeases([]);
    } else if (current !== undefined) {
      await req.recordLeases([{ ...current, status: 'tainted' }]);
    }
    const made = await create(req, key);
    if ('severity' in made) return { leases: old, diagnostics: [made] };
    if (change.action === 'create-then-delete' && current !== undefined) {
      await req.recordLeases([made, { ...current, status: 'tainted' }]);
      await close(req, current);
    }
    await req.recordLeases([made]);
    return { leases: [made], diagnostics: [] };
  }
  return {
    async applySlot(req: ApplySlotRequest): Promise<ApplySlotResponse> {
      running++;
      chain.maxConcurrent = Math.max(chain.maxConcurrent, running);
      try {
        return await slot(req);
      } finally {
        running--;
      }
    },
    async ensureEscrow(req: { readonly changes: readonly Change[] }) {
      chain.escrowCalls++;
      if (opts.escrowShortfall === undefined || req.changes.length === 0)
        return { diagnostics: [] };
      return {
        diagnostics: [
          errorDiag({
            code: 'apply/insufficient-funds',
            summary: 'Not enough funds for escrow',
            detail: `The plan locks more than the wallet holds: short by ${opts.escrowShortfall} base units.`,
            hint: 'Fund the wallet, then run apply again.',
          }),
        ],
      };
    },
    async status(req: { readonly state: StackState }) {
      return { leases: statusOf(req.state, chain), diagnostics: [] };
    },
    async logs(req: {
      readonly address: string;
      readonly tail: number;
      readonly onLine: (line: { readonly replica: string; readonly message: string }) => void;
    }) {
      const lines = ['started', 'GET / 200', 'GET /health 200'].slice(-req.tail);
      for (const message of lines) req.onLine({ replica: `${req.address}#0`, message });
      return { diagnostics: [] };
    },
  };
}

function record(
  key: string,
  id: string,
  status: LeaseRecord['status'],
  after: unknown,
): LeaseRecord {
  return {
    key,
    status,
    orderId: id,
    leaseId: null,
    provider: '0x00000000000000000000000000000000000000b1',
    host: 'https://p1.local',
    region: 'eu',
    acceptedPrice: '1000',
    token: '0x00000000000000000000000000000000000000c1',
    replicas: 1,
    specHash: `s-${JSON.stringify(after).length}`,
    manifestHash: null,
    startBlock: 1,
    numOfBlocks: 100,
    endpoints: [],
    updatedAt: '2026-03-01T12:00:00.000Z',
  };
}

function statusOf(state: StackState, chain: MemoryChain): LeaseStatusView[] {
  return state.resources.flatMap((r) =>
    r.leases.map((l) => ({
      address: `${r.address}[${l.key}]`,
      leaseId: l.leaseId ?? l.orderId,
      provider: l.provider ?? '',
      region: l.region,
      pricePerHour: '1500000',
      token: 'uTEST',
      decimals: 6,
      ready: chain.active.has(l.leaseId ?? '') || l.status === 'ready' ? l.replicas : 0,
      total: l.replicas,
      endpoints: l.endpoints,
      runwayHours: 24,
      reachable: true,
      replicas: [],
    })),
  );
}
