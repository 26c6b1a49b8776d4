/**
 * `applySlot`: one planned change of one slot, dispatched on its action. Instances
 * only — health checks and autoscaling policies have no chain footprint, the core records their
 * attributes. Whatever fails, the slot's last recorded leases are returned, so none is dropped.
 */
import { LeaseholdError, errorDiag, redact } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ApplySlotRequest, ApplySlotResponse } from '../../cli/provider-api.js';
import type { LeaseRecord } from '../../cli/state/state-types.js';
import { orderLeftOpenDiag } from './apply-diagnostics.js';
import { closeSlotLease } from './close-slot-lease.js';
import { createLease } from './create-lease.js';
import { slotRecords, slotSpecOf } from './slot-context.js';
import type { ApplyDeps, StepResult } from './slot-context.js';
import { updateLease } from './update-lease.js';

/** Applies one change; never throws for a marketplace failure (it becomes a diagnostic). */
export async function applySlot(
  deps: ApplyDeps,
  req: ApplySlotRequest,
): Promise<ApplySlotResponse> {
  if (req.change.type !== 'instance' || req.change.key === null)
    return { leases: [], diagnostics: [] };
  let current: readonly LeaseRecord[] = slotRecords(req);
  const tracked: ApplySlotRequest = {
    ...req,
    recordLeases: async (leases) => {
      current = leases;
      await req.recordLeases(leases);
    },
  };
  try {
    const res = await dispatch(deps, tracked);
    return { leases: res.leases, diagnostics: res.diagnostics };
  } catch (err) {
    return { leases: current, diagnostics: [thrown(err, req)] };
  }
}

async function dispatch(deps: ApplyDeps, req: ApplySlotRequest): Promise<StepResult> {
  const records = slotRecords(req);
  switch (req.change.action) {
    case 'create': {
      const resume = records.find((r) => r.status === 'planned') ?? null;
      const keep = records.filter((r) => r !== resume);
      return createLease({ deps, req, spec: slotSpecOf(req), resume, keep });
    }
    case 'update': {
      const [primary, ...keep] = records;
      if (primary === undefined)
        return createLease({ deps, req, spec: slotSpecOf(req), resume: null, keep: [] });
      return updateLease({ deps, req, spec: slotSpecOf(req), record: primary, keep });
    }
    case 'delete':
      return deleteSlot(deps, req, records);
    case 'create-then-delete':
    case 'delete-then-create':
      return replaceSlot(deps, req, records);
    default:
      return { leases: records, diagnostics: [] };
  }
}

/** Closes the lease the change names (a duplicate shares its slot's key), keeping the others. */
async function deleteSlot(
  deps: ApplyDeps,
  req: ApplySlotRequest,
  records: readonly LeaseRecord[],
): Promise<StepResult> {
  const named = privateIds(req.change.private);
  const target =
    records.find(
      (r) => named !== null && (r.leaseId ?? r.orderId) === (named.leaseId ?? named.orderId),
    ) ?? records[0];
  if (target === undefined) return { leases: [], diagnostics: [] };
  const rest = records.filter((r) => r !== target);
  if (target.leaseId === null) {
    await req.recordLeases(rest);
    return { leases: rest, diagnostics: [orderLeftOpenDiag(req.change.address, target.orderId)] };
  }
  await closeSlotLease({ deps, req, record: target });
  await req.recordLeases(rest);
  return { leases: rest, diagnostics: [] };
}

/** create-then-delete keeps the old lease (tainted) until the new one is ready; delete-then-create closes first. */
async function replaceSlot(
  deps: ApplyDeps,
  req: ApplySlotRequest,
  records: readonly LeaseRecord[],
): Promise<StepResult> {
  const spec = slotSpecOf(req);
  const old = records.filter((r) => r.leaseId !== null);
  if (req.change.action === 'delete-then-create') {
    for (const r of old) await closeSlotLease({ deps, req, record: r });
    await req.recordLeases([]);
    return createLease({ deps, req, spec, resume: null, keep: [] });
  }
  const tainted = old.map((r) => ({
    ...r,
    status: 'tainted' as const,
    updatedAt: deps.now().toISOString(),
  }));
  await req.recordLeases(tainted);
  const created = await createLease({ deps, req, spec, resume: null, keep: tainted });
  const fresh = created.leases.slice(0, created.leases.length - tainted.length);
  if (created.diagnostics.some((d) => d.severity === 'error') || fresh.length === 0) return created;
  for (const r of tainted) await closeSlotLease({ deps, req, record: r });
  await req.recordLeases(fresh);
  return { leases: fresh, diagnostics: created.diagnostics };
}

function privateIds(
  priv: string | undefined,
): { leaseId: string | null; orderId: string | null } | null {
  if (priv === undefined) return null;
  try {
    const v = JSON.parse(priv) as { leaseId?: unknown; orderId?: unknown };
    const s = (x: unknown): string | null => (typeof x === 'string' ? x : null);
    return { leaseId: s(v.leaseId), orderId: s(v.orderId) };
  } catch {
    return null;
  }
}

function thrown(err: unknown, req: ApplySlotRequest): Diagnostic {
  const secrets = [...req.secrets.values()];
  if (err instanceof LeaseholdError) {
    const [d] = err.toDiagnostics();
    if (d !== undefined)
      return {
        ...d,
        detail: d.detail === undefined ? undefined : redact(d.detail, secrets),
        address: req.change.address,
      };
  }
  return errorDiag({
    code: 'apply/slot-failed',
    summary: 'Applying a slot failed unexpectedly',
    detail: `${req.change.address}: ${redact(err instanceof Error ? err.message : String(err), secrets)}`,
    hint: 'Run apply again: it resumes from what the chain says.',
    address: req.change.address,
  });
}
