/**
 * Plans (STYLE §5–7): data with a version and a staleness key, rendered by human, JSON and markdown
 * renderers from the same value. `schemas/plan.schema.json` describes the JSON form.
 */

/** What happens to one resource slot. The renderer maps these to `+ ~ - -/+ +/-`. */
export type Action =
  'no-op' | 'read' | 'create' | 'update' | 'delete-then-create' | 'create-then-delete' | 'delete';

/**
 * Why a change was planned. A reason EXPLAINS a change and never drives apply: apply reads only
 * `action`, `before`, `after` and `private`.
 */
export type ChangeReason =
  | 'replace-because-cannot-update'
  | 'replace-because-tainted'
  | 'replace-because-unhealthy'
  | 'replace-by-request'
  | 'delete-because-no-config'
  | 'delete-because-duplicate'
  | 'create-because-missing'
  | 'resume-interrupted'
  | 'scale-out'
  | 'scale-in';

/** Money per hour and to lock, in a token's base units (decimal strings of bigints). */
export interface CostDelta {
  readonly token: string;
  /** Price per hour of what exists before the change. */
  readonly perHourBefore: string;
  /** Price per hour after (max price for new leases, accepted price for kept ones). */
  readonly perHourAfter: string;
  /** Escrow the change locks at match, at the max price (an upper bound). */
  readonly escrowToLock: string;
  /**
   * Per hour after the change at the accepted price: the kept lease's for a no-op, 0 for a delete,
   * null when a new price is accepted at apply (create, replace, update). Absent in older plans.
   */
  readonly perHourAccepted?: string | null | undefined;
  /** Per hour after the change at the max price: the most it may cost. Absent in older plans. */
  readonly perHourCeiling?: string | undefined;
}

/** One planned change of one slot (or of a whole resource without slots). */
export interface Change {
  /** `instance.web[0]`, `instance.web["us-east"]`, `health_check.web`. */
  readonly address: string;
  /** The resource address without the slot: `instance.web`. */
  readonly resource: string;
  readonly type: string;
  readonly name: string;
  /** Slot key, or null for resources without slots. */
  readonly key: string | null;
  readonly action: Action;
  /** Provider-defined values (JSON); null on create. Secrets appear as references only. */
  readonly before: unknown;
  /** Null on delete. Leaves unknown until apply are listed in `afterUnknown`. */
  readonly after: unknown;
  /** Dotted paths in `after` known only after apply (`leaseId`, `endpoints`). */
  readonly afterUnknown: readonly string[];
  /** Dotted paths whose values are sensitive (rendered as `(sensitive value)`). */
  readonly sensitivePaths: readonly string[];
  readonly reason?: ChangeReason | undefined;
  /** Dotted paths whose change forced the replacement. */
  readonly replacePaths?: readonly string[] | undefined;
  /**
   * Secrets whose value differs from the one the lease last received, as display paths
   * (`secrets.API_KEY`, `credentials.password`): an update sends the new manifest. Only the fact
   * that a value changed is in the plan — never the value, never its HMAC.
   */
  readonly secretsChanged?: readonly string[] | undefined;
  readonly cost?: CostDelta | undefined;
  /** Opaque provider data carried from plan to apply (e.g. the chosen region of a slot). */
  readonly private?: string | undefined;
}

/** Something that changed outside Leasehold, found by refresh. */
export interface DriftEntry {
  readonly address: string;
  /** `closed-outside` (lease terminated or expired), `adopted` (tagged lease not in state), `missing` (state entry with no lease), `changed` (chain differs from state), `unknown` (provider unreachable). */
  readonly kind: 'closed-outside' | 'adopted' | 'missing' | 'changed' | 'unknown';
  readonly detail: string;
  readonly leaseId?: string | undefined;
}

/** What the whole plan costs, per token. */
export interface CostSummary {
  readonly token: string;
  readonly decimals: number;
  readonly perHourBefore: string;
  readonly perHourAfter: string;
  readonly escrowToLock: string;
  /** Σ per hour after the plan at known accepted prices (kept leases); absent in older plans. */
  readonly perHourAccepted?: string | undefined;
  /** Slots whose price is accepted only at apply (new leases, replacements, updates). */
  readonly unpricedSlots?: number | undefined;
  /** Σ per hour after the plan at max prices: the ceiling; absent in older plans. */
  readonly perHourCeiling?: string | undefined;
  /** Unlocked escrow balance of the tenant, null when unknown (no refresh, no wallet). */
  readonly escrowAvailable: string | null;
  /** Hours the available escrow lasts at `perHourAfter`, null when unknown or nothing runs. */
  readonly runwayHours: number | null;
  /** Stack budget per hour, null when none is set. */
  readonly budgetPerHour: string | null;
}

export type PlanMode = 'normal' | 'destroy' | 'refresh-only';

/**
 * Where a network's block time came from (docs/networks.md): the spec's `network.blockTime`, the
 * address book's `blockTime`, measured from recent blocks, a built-in profile, or the devnet.
 */
export type BlockTimeSource = 'spec' | 'address-book' | 'measured' | 'profile' | 'devnet';

/** A network's block time: every price per block and lease length in blocks is converted with it. */
export interface BlockTime {
  /** Milliseconds per block. */
  readonly ms: number;
  readonly source: BlockTimeSource;
}

/** The network a plan was made on. */
export interface PlanNetwork {
  readonly name: string;
  readonly chainId: number;
  /** Absent in plans saved before Leasehold recorded it. */
  readonly blockTime?: BlockTime | undefined;
}

/** The in-memory plan. */
export interface Plan {
  readonly formatVersion: 1;
  readonly stack: string;
  readonly mode: PlanMode;
  /** Prior state's identity: a saved plan applies only while these still match. */
  readonly lineage: string;
  readonly serial: number;
  /** Hash of the model the plan was made from. */
  readonly modelHash: string;
  readonly network: PlanNetwork;
  readonly changes: readonly Change[];
  readonly drift: readonly DriftEntry[];
  readonly outputs: Readonly<
    Record<string, { readonly action: Action; readonly sensitive: boolean }>
  >;
  readonly cost: readonly CostSummary[];
  /** False when some targets were skipped (`--target`) — Terraform's `complete`. */
  readonly complete: boolean;
  /** True when applying would change something. */
  readonly applyable: boolean;
  /** True when planning failed; such a plan can be shown but never applied. */
  readonly errored: boolean;
  readonly createdAt: string;
}
