import { SENSITIVE_MASK } from '../diag/index.js';
import type { Action, Change, ChangeReason, CostSummary, Plan } from '../plan/plan-types.js';
import { isUnderPattern } from './plan-paths.js';
import type { AttrPath } from './plan-paths.js';

/** A value that mirrors an attribute value with `true` at chosen leaves (`after_unknown` etc.). */
export type LeafTree = boolean | { [key: string]: LeafTree } | LeafTree[];

/** One entry of `resource_changes`, as `terraform show -json` writes it. */
export interface ResourceChangeJson {
  readonly address: string;
  readonly mode: 'managed';
  readonly type: string;
  readonly name: string;
  readonly index: number | string | null;
  readonly change: {
    readonly actions: readonly string[];
    readonly before: unknown;
    readonly after: unknown;
    readonly after_unknown: LeafTree;
    readonly before_sensitive: LeafTree;
    readonly after_sensitive: LeafTree;
  };
  readonly action_reason?: string | undefined;
  readonly replace_paths?: readonly (readonly (string | number)[])[] | undefined;
  /** Secrets whose value changed (display paths): the fact only, never a value or its HMAC. */
  readonly secrets_changed?: readonly string[] | undefined;
  readonly cost?:
    | {
        readonly token: string;
        readonly per_hour_before: string;
        readonly per_hour_after: string;
        readonly escrow_to_lock: string;
        readonly per_hour_accepted?: string | null | undefined;
        readonly per_hour_ceiling?: string | undefined;
      }
    | undefined;
}

/** The JSON plan (schemas/plan.schema.json), modelled on `terraform show -json`. */
export interface PlanJson {
  readonly format_version: '1.0';
  readonly leasehold_version: string;
  readonly stack: string;
  readonly mode: Plan['mode'];
  readonly lineage: string;
  readonly serial: number;
  readonly model_hash: string;
  readonly network: {
    readonly name: string;
    readonly chain_id: number;
    /** Milliseconds per block and where that came from; absent in plans saved before it was kept. */
    readonly block_time?: { readonly ms: number; readonly source: string } | undefined;
  };
  readonly resource_changes: readonly ResourceChangeJson[];
  readonly resource_drift: readonly {
    readonly address: string;
    readonly kind: string;
    readonly detail: string;
    readonly lease_id: string | null;
  }[];
  readonly output_changes: Readonly<
    Record<string, { readonly actions: readonly string[]; readonly sensitive: boolean }>
  >;
  readonly cost: readonly Readonly<Record<string, string | number | null>>[];
  readonly applyable: boolean;
  readonly complete: boolean;
  readonly errored: boolean;
  readonly created_at: string;
}

/** Terraform's action arrays: a replacement lists its two steps in the order they run. */
export function toActions(action: Action): string[] {
  if (action === 'delete-then-create') return ['delete', 'create'];
  if (action === 'create-then-delete') return ['create', 'delete'];
  return [action];
}

/** The JSON form of a plan (pure). `version` is Leasehold's, for `leasehold_version`. */
export function renderPlanJson(plan: Plan, version: string): PlanJson {
  return {
    format_version: '1.0',
    leasehold_version: version,
    stack: plan.stack,
    mode: plan.mode,
    lineage: plan.lineage,
    serial: plan.serial,
    model_hash: plan.modelHash,
    network: {
      name: plan.network.name,
      chain_id: plan.network.chainId,
      ...(plan.network.blockTime === undefined ? {} : { block_time: plan.network.blockTime }),
    },
    resource_changes: plan.changes.map(toResourceChange),
    resource_drift: plan.drift.map((d) => ({
      address: d.address,
      kind: d.kind,
      detail: d.detail,
      lease_id: d.leaseId ?? null,
    })),
    output_changes: Object.fromEntries(
      Object.entries(plan.outputs).map(([n, o]) => [
        n,
        { actions: toActions(o.action), sensitive: o.sensitive },
      ]),
    ),
    cost: plan.cost.map(toCostJson),
    applyable: plan.applyable,
    complete: plan.complete,
    errored: plan.errored,
    created_at: plan.createdAt,
  };
}

function toResourceChange(c: Change): ResourceChangeJson {
  return {
    address: c.address,
    mode: 'managed',
    type: c.type,
    name: c.name,
    index: c.key === null ? null : /^\d+$/.test(c.key) ? Number(c.key) : c.key,
    change: {
      actions: toActions(c.action),
      before: maskSensitive(c.before ?? null, c.sensitivePaths),
      after: maskSensitive(c.after ?? null, c.sensitivePaths),
      after_unknown: c.after === null ? false : unknownTree(c.afterUnknown),
      before_sensitive: leafTree(c.before, c.sensitivePaths),
      after_sensitive: leafTree(c.after, c.sensitivePaths),
    },
    ...(c.reason === undefined ? {} : { action_reason: snakeReason(c.reason) }),
    ...(c.replacePaths === undefined ? {} : { replace_paths: c.replacePaths.map(toSegments) }),
    ...(c.secretsChanged === undefined ? {} : { secrets_changed: [...c.secretsChanged] }),
    ...(c.cost === undefined
      ? {}
      : {
          cost: {
            token: c.cost.token,
            per_hour_before: c.cost.perHourBefore,
            per_hour_after: c.cost.perHourAfter,
            escrow_to_lock: c.cost.escrowToLock,
            ...(c.cost.perHourAccepted === undefined
              ? {}
              : { per_hour_accepted: c.cost.perHourAccepted }),
            ...(c.cost.perHourCeiling === undefined
              ? {}
              : { per_hour_ceiling: c.cost.perHourCeiling }),
          },
        }),
  };
}

/**
 * Replaces sensitive leaves with `(sensitive value)`: unlike Terraform, the JSON plan never holds
 * them in clear (it is posted to CI logs); `*_sensitive` still says where they were.
 */
export function maskSensitive(
  value: unknown,
  patterns: readonly string[],
  path: AttrPath = [],
): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (path.length > 0 && isUnderPattern(path, patterns)) return SENSITIVE_MASK;
  if (Array.isArray(value)) return value.map((v, i) => maskSensitive(v, patterns, [...path, i]));
  if (typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      maskSensitive(v, patterns, [...path, k]),
    ]),
  );
}

/** `replace-because-cannot-update` → `replace_because_cannot_update`. */
export function snakeReason(reason: ChangeReason): string {
  return reason.replace(/-/g, '_');
}

function toSegments(dotted: string): (string | number)[] {
  return dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

// Unknown leaves may not exist in `after` yet, so the tree is built from the paths themselves.
function unknownTree(paths: readonly string[]): LeafTree {
  const root: { [key: string]: LeafTree } = {};
  for (const p of paths) {
    const segs = p.split('.');
    let node = root;
    segs.forEach((s, i) => {
      if (i === segs.length - 1) node[s] = true;
      else {
        const next = node[s];
        node = typeof next === 'object' && !Array.isArray(next) ? next : (node[s] = {});
      }
    });
  }
  return root;
}

// Sensitive patterns hold wildcards, so they are expanded against the actual value.
function leafTree(value: unknown, patterns: readonly string[], path: AttrPath = []): LeafTree {
  if (value === null || value === undefined) return false;
  if (isUnderPattern(path, patterns) && path.length > 0) return true;
  if (Array.isArray(value)) {
    const items = value.map((v, i) => leafTree(v, patterns, [...path, i]));
    return items.every((t) => t === false) ? false : items;
  }
  if (typeof value !== 'object') return false;
  const out: { [key: string]: LeafTree } = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const t = leafTree(v, patterns, [...path, k]);
    if (t !== false) out[k] = t;
  }
  return path.length === 0 || Object.keys(out).length > 0 ? out : false;
}

function toCostJson(c: CostSummary): Record<string, string | number | null> {
  return {
    token: c.token,
    decimals: c.decimals,
    per_hour_before: c.perHourBefore,
    per_hour_after: c.perHourAfter,
    escrow_to_lock: c.escrowToLock,
    ...(c.perHourAccepted === undefined ? {} : { per_hour_accepted: c.perHourAccepted }),
    ...(c.unpricedSlots === undefined ? {} : { unpriced_slots: c.unpricedSlots }),
    ...(c.perHourCeiling === undefined ? {} : { per_hour_ceiling: c.perHourCeiling }),
    escrow_available: c.escrowAvailable,
    runway_hours: c.runwayHours,
    budget_per_hour: c.budgetPerHour,
  };
}
