import { errorDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import { jsonEqual } from '../../cli/plan/json-equal.js';
import type { Change, CostSummary, DriftEntry } from '../../cli/plan/plan-types.js';
import type {
  ModelResourceView,
  ModelView,
  PlanResourceRequest,
  PlanResourceResponse,
  ProviderSession,
  RefreshRequest,
  RefreshResponse,
} from '../../cli/provider-api.js';
import { emptyState } from '../../cli/state/empty-state.js';
import { StateLockedError } from '../../cli/state/state-errors.js';
import { createMemoryChain, memoryApply } from './in-memory-apply.js';
import type { MemoryApplyOptions, MemoryChain } from './in-memory-apply.js';
import type {
  LeaseRecord,
  LockInfo,
  ResourceState,
  StackState,
  StateBackend,
} from '../../cli/state/state-types.js';

// A tiny in-memory provider for the core's unit tests (STYLE §24). One slotted type, `box`
// ({image, size, count, secret}): `size` forces replacement, `image` updates in place, one lease
// per replica. Every other type has no slots: create / update / delete / no-op by equality.

/** The network every in-memory session reports. */
export const MEMORY_NETWORK = {
  name: 'memory',
  chainId: 31337,
  blockTime: { ms: 2000, source: 'profile' },
} as const;

/** Base units per box replica per hour (token `uTEST`, 6 decimals). */
export const BOX_PRICE = 1_500_000n;

/** What a test can change about the session. */
export interface MemorySessionOptions {
  /** What refresh returns; default: the prior state unchanged (or an empty one), no drift. */
  readonly refresh?:
    ((prior: StackState | null, req: RefreshRequest) => RefreshResponse) | undefined;
  /** What importStack returns. */
  readonly imported?: RefreshResponse | undefined;
  /** Rewrites planned changes: injects provider bugs. */
  readonly corrupt?: ((changes: Change[]) => Change[]) | undefined;
  /** Budget per hour in base units: above it, costSummary reports `plan/budget-exceeded`. */
  readonly budget?: bigint | undefined;
  /** Throws from refresh, as an unreachable RPC would. */
  readonly refreshError?: Error | undefined;
  /** How apply behaves (gates, failing slots, escrow shortfall). */
  readonly apply?: MemoryApplyOptions | undefined;
  /** The fake chain apply writes to; default a fresh one. */
  readonly chain?: MemoryChain | undefined;
  /** Scripted autoscale observations; default no decisions. */
  readonly observe?: ProviderSession['observe'] | undefined;
}

/** The in-memory session plus what it saw, for assertions. */
export interface MemorySession extends ProviderSession {
  readonly planRequests: PlanResourceRequest[];
  readonly chain: MemoryChain;
}

/** A ProviderSession over nothing but memory. */
export function createMemorySession(opts: MemorySessionOptions = {}): MemorySession {
  const planRequests: PlanResourceRequest[] = [];
  const chain = opts.chain ?? createMemoryChain();
  return {
    network: MEMORY_NETWORK,
    tenant: '0x00000000000000000000000000000000000000aa',
    planRequests,
    chain,
    ...memoryApply(chain, opts.apply),
    async refresh(req) {
      if (opts.refreshError !== undefined) throw opts.refreshError;
      if (opts.refresh !== undefined) return opts.refresh(req.prior, req);
      const state =
        req.prior ?? emptyState({ stack: req.stack, network: MEMORY_NETWORK, lineage: '' });
      return { state, drift: [], diagnostics: [] };
    },
    async importStack(req) {
      return (
        opts.imported ?? {
          state: emptyState({ stack: req.stack, network: MEMORY_NETWORK, lineage: '' }),
          drift: [],
          diagnostics: [],
        }
      );
    },
    planResource(req) {
      planRequests.push(req);
      const res =
        req.desired?.type === 'box' || req.prior?.type === 'box' ? planBox(req) : planPlain(req);
      return opts.corrupt === undefined ? res : { ...res, changes: opts.corrupt([...res.changes]) };
    },
    async costSummary(req) {
      return costOf(req.changes, req.state, opts.budget);
    },
    observe: opts.observe ?? (async () => ({ decisions: [], diagnostics: [] })),
    async close() {},
  };
}

interface BoxAttrs {
  readonly image: string;
  readonly size: number;
  readonly count: number;
  readonly secret?: { readonly fromEnv: string } | undefined;
}

function planBox(req: PlanResourceRequest): PlanResourceResponse {
  const desired = req.desired === null ? null : (req.desired.attributes as BoxAttrs);
  const prior = req.prior;
  const ident = identity(req.desired ?? prior);
  const leases = new Map((prior?.leases ?? []).map((l) => [l.key, l]));
  // A resource whose create half-failed has null attributes: its lease count stands in.
  const priorAttrs = (prior?.attributes ?? null) as BoxAttrs | null;
  const priorCount = prior === null ? 0 : (priorAttrs?.count ?? leases.size);
  const count =
    desired === null
      ? 0
      : (req.options.desiredCount ??
        (req.options.ignoreCount && prior !== null ? priorCount : desired.count));
  const keys = new Set([...leases.keys(), ...Array.from({ length: count }, (_, i) => String(i))]);
  const changes: Change[] = [];
  for (const key of [...keys].sort()) {
    const lease = leases.get(key);
    const wanted = Number(key) < count && desired !== null;
    const address = `${ident.resource}[${key}]`;
    const base = {
      ...ident,
      address,
      key,
      afterUnknown: [] as string[],
      sensitivePaths: ['secret'],
    };
    const after = desired === null ? null : { ...desired, count, key };
    const before =
      lease === undefined || prior === null
        ? null
        : { ...((prior.attributes ?? {}) as BoxAttrs), key, leaseId: lease.leaseId };
    if (lease === undefined && wanted) {
      const reason =
        prior === null
          ? undefined
          : Number(key) >= priorCount
            ? 'scale-out'
            : 'create-because-missing';
      changes.push({
        ...base,
        action: 'create',
        before: null,
        after,
        afterUnknown: ['leaseId'],
        ...(reason ? { reason } : {}),
      });
    } else if (lease !== undefined && !wanted) {
      changes.push({
        ...base,
        action: 'delete',
        before,
        after: null,
        reason: desired === null ? 'delete-because-no-config' : 'scale-in',
      });
    } else if (lease !== undefined && desired !== null && prior !== null) {
      changes.push(
        diffBox({
          base,
          before,
          after,
          lease,
          prior,
          replace: req.options.replace.some((a) => a === address || a === ident.resource),
        }),
      );
    }
  }
  return { changes, diagnostics: [] };
}

function diffBox(d: {
  base: Omit<Change, 'action' | 'before' | 'after'>;
  before: unknown;
  after: BoxAttrs | null;
  lease: LeaseRecord;
  prior: ResourceState;
  replace: boolean;
}): Change {
  const old = (d.prior.attributes ?? d.after ?? {}) as BoxAttrs;
  const after = { ...d.after, leaseId: d.lease.leaseId };
  if (old.size !== d.after?.size)
    return {
      ...d.base,
      action: 'create-then-delete',
      before: d.before,
      after: { ...after, leaseId: null },
      afterUnknown: ['leaseId'],
      reason: 'replace-because-cannot-update',
      replacePaths: ['size'],
    };
  if (d.lease.status === 'tainted' || d.replace)
    return {
      ...d.base,
      action: 'create-then-delete',
      before: d.before,
      after: { ...after, leaseId: null },
      afterUnknown: ['leaseId'],
      reason: d.replace ? 'replace-by-request' : 'replace-because-tainted',
    };
  const action =
    old.image !== d.after?.image || !jsonEqual(old.secret, d.after?.secret) ? 'update' : 'no-op';
  return { ...d.base, action, before: d.before, after };
}

function planPlain(req: PlanResourceRequest): PlanResourceResponse {
  const ident = {
    ...identity(req.desired ?? req.prior),
    address: '',
    key: null,
    afterUnknown: [],
    sensitivePaths: [],
  };
  const change = (
    action: Change['action'],
    before: unknown,
    after: unknown,
    reason?: Change['reason'],
  ): Change => ({
    ...ident,
    address: ident.resource,
    action,
    before,
    after,
    ...(reason ? { reason } : {}),
  });
  const b = req.prior?.attributes ?? null;
  const a = req.desired?.attributes ?? null;
  if (b === null && a !== null) return { changes: [change('create', null, a)], diagnostics: [] };
  if (b !== null && a === null)
    return { changes: [change('delete', b, null, 'delete-because-no-config')], diagnostics: [] };
  return { changes: [change(jsonEqual(a, b) ? 'no-op' : 'update', b, a)], diagnostics: [] };
}

function identity(
  r: ModelResourceView | ResourceState | null,
): Pick<Change, 'resource' | 'type' | 'name'> {
  if (r === null) throw new Error('planResource without desired or prior');
  return { resource: r.address, type: r.type, name: r.name };
}

function costOf(
  changes: readonly Change[],
  state: StackState,
  budget: bigint | undefined,
): { cost: CostSummary[]; diagnostics: Diagnostic[] } {
  const slots = (pred: (c: Change) => boolean): bigint =>
    BigInt(changes.filter((c) => c.type === 'box' && pred(c)).length);
  const before =
    BigInt(state.resources.flatMap((r) => (r.type === 'box' ? r.leases : [])).length) * BOX_PRICE;
  const after = slots((c) => c.after !== null) * BOX_PRICE;
  const toLock =
    slots((c) => c.action === 'create' || c.action.includes('-then-')) * BOX_PRICE * 24n;
  const diagnostics =
    budget !== undefined && after > budget
      ? [
          errorDiag({
            code: 'plan/budget-exceeded',
            summary: 'Stack budget exceeded',
            detail: `The plan costs ${after} base units per hour; the budget is ${budget}.`,
            hint: 'Raise budget.maxPerHour or lower the count.',
          }),
        ]
      : [];
  return {
    cost: [
      {
        token: 'uTEST',
        decimals: 6,
        perHourBefore: String(before),
        perHourAfter: String(after),
        escrowToLock: String(toLock),
        escrowAvailable: '100000000',
        runwayHours: after === 0n ? null : Number((100_000_000n * 100n) / after) / 100,
        budgetPerHour: budget === undefined ? null : String(budget),
      },
    ],
    diagnostics,
  };
}

/** A model of boxes and plain resources, with a stable fake hash. */
export function memoryModel(
  resources: readonly { type: string; name: string; attributes: unknown }[],
  outputs: ModelView['outputs'] = {},
): ModelView {
  const views = resources.map((r) => ({
    ...r,
    address: `${r.type}.${r.name}`,
    hash: `h-${JSON.stringify(r.attributes).length}`,
  }));
  return {
    formatVersion: 1,
    stack: 'demo',
    network: { name: 'memory' },
    resources: views,
    outputs,
    hash: `model-${JSON.stringify(views).length}`,
  };
}

/** A state holding these resources, each `box` with one ready lease per replica. */
export function memoryState(
  resources: readonly {
    type: string;
    name: string;
    attributes: unknown;
    tainted?: readonly string[];
  }[],
  serial = 3,
): StackState {
  return {
    ...emptyState({ stack: 'demo', network: MEMORY_NETWORK, lineage: 'lineage-1' }),
    serial,
    resources: resources.map((r) => ({
      address: `${r.type}.${r.name}`,
      type: r.type,
      name: r.name,
      attributes: r.attributes,
      modelHash: 'h',
      leases:
        r.type === 'box'
          ? Array.from({ length: (r.attributes as BoxAttrs).count }, (_, i) =>
              lease(String(i), r.tainted?.includes(String(i)) ?? false),
            )
          : [],
    })),
  };
}

function lease(key: string, tainted: boolean): LeaseRecord {
  return {
    key,
    status: tainted ? 'tainted' : 'ready',
    orderId: `${100 + Number(key)}`,
    leaseId: `${100 + Number(key)}`,
    provider: '0x00000000000000000000000000000000000000b1',
    host: 'https://p1.local',
    region: 'eu',
    acceptedPrice: '1000',
    token: '0x00000000000000000000000000000000000000c1',
    replicas: 1,
    specHash: 's',
    manifestHash: 'm',
    startBlock: 1,
    numOfBlocks: 100,
    endpoints: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Drift entry helper. */
export function drift(kind: DriftEntry['kind'], address: string): DriftEntry {
  return { kind, address, detail: `${address} ${kind} in memory`, leaseId: '100' };
}

/** A StateBackend in memory that records every call, for lock and write assertions. */
export interface MemoryBackend extends StateBackend {
  state: StackState | null;
  lock: LockInfo | null;
  readonly calls: string[];
  readonly writes: StackState[];
}

/** An in-memory StateBackend; `readError` makes read() throw (a corrupt file). */
export function createMemoryBackend(state: StackState | null, readError?: Error): MemoryBackend {
  let n = 0;
  const b: MemoryBackend = {
    state,
    lock: null,
    calls: [],
    writes: [],
    location: '/memory/demo.state.json',
    async read() {
      b.calls.push('read');
      if (readError !== undefined) throw readError;
      return b.state;
    },
    async write(s) {
      b.calls.push('write');
      b.writes.push(s);
      b.state = s;
    },
    async acquireLock(info) {
      b.calls.push(`lock:${info.operation}`);
      if (b.lock !== null)
        throw new StateLockedError({ holder: b.lock, waitedMs: 0, stale: false });
      b.lock = {
        ...info,
        id: `lock-${++n}`,
        created: '2026-01-01T00:00:00.000Z',
        path: b.location,
      };
      return b.lock;
    },
    async releaseLock(id) {
      b.calls.push('unlock');
      if (b.lock?.id === id) b.lock = null;
    },
    async forceUnlock() {
      b.lock = null;
    },
    async readLock() {
      return b.lock;
    },
  };
  return b;
}
