/** A connection to one network: refresh, plan, cost, apply, observe, status and logs. */
import type { Diagnostics } from '../diag/index.js';
import type {
  BlockTime,
  Change,
  CostSummary,
  DriftEntry,
  PlanNetwork,
} from '../plan/plan-types.js';
import type { ResourceState, StackState } from '../state/state-types.js';
import type { ApplyEvent, ApplySlotRequest, ApplySlotResponse } from './apply.js';
import type { ObserveRequest, ObserveResponse } from './autoscale.js';
import type { ModelResourceView, ModelView } from './stack.js';
import type { LeaseStatusView, OpenOrderView } from './status.js';

/** How much a session needs of the wallet. */
export type SignerNeed = 'none' | 'address' | 'sign';

export interface ConnectRequest {
  /** The network of the model, or the `--network` flag's name; env overrides are applied inside. */
  readonly network:
    | string
    | {
        readonly name: string;
        /** The URL, or the environment variable that holds it (read at connect time). */
        readonly rpcUrl?: string | { readonly fromEnv: string } | undefined;
        readonly chainId?: number | undefined;
        readonly addressBook?: string | undefined;
        /** Milliseconds per block, when the spec declares it. */
        readonly blockTime?: number | undefined;
      };
  readonly signer: SignerNeed;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Progress lines for humans ("Starting the local devnet…"); never secrets. */
  readonly log: (line: string) => void;
  /** Asks for a keystore password when no env var holds it; absent without a TTY. */
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

export interface RefreshRequest {
  readonly stack: string;
  /** State before refresh; null when there is none (import). */
  readonly prior: StackState | null;
  /**
   * How long to wait for a journalled transaction the node holds but has not mined (an order a
   * crashed apply sent) before reporting it as `plan/order-pending`, in ms. @default 0
   */
  readonly pendingTimeoutMs?: number | undefined;
  /**
   * False reads the chain only (`--refresh=chain`): no provider is asked for a lease's status, so
   * a lease keeps the status and endpoints state last saw. @default true
   */
  readonly providerStatus?: boolean | undefined;
}

export interface RefreshResponse {
  /** A new snapshot (same lineage and serial as prior; the caller bumps serial when it writes). */
  readonly state: StackState;
  readonly drift: readonly DriftEntry[];
  readonly diagnostics: Diagnostics;
}

export interface PlanResourceOptions {
  /** `--replace ADDR` named this resource or one of its slots (slot addresses listed). */
  readonly replace: readonly string[];
  /** The policy controls count: keep the live count instead of the declared one. */
  readonly ignoreCount: boolean;
  /** The autoscaler's replica count for this instance: wins over the declared and live counts. */
  readonly desiredCount?: number | undefined;
  /** Providers kept out of a slot's next order, by slot address (a replacement's exclusion). */
  readonly excludeProviders?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface PlanResourceRequest {
  /** The model resource, null when it was removed from the spec (or under --destroy). */
  readonly desired: ModelResourceView | null;
  /** Its state, null when it does not exist yet. */
  readonly prior: ResourceState | null;
  /** The whole desired model, for cross-resource facts (an instance's health check, policy). */
  readonly model: ModelView | null;
  readonly options: PlanResourceOptions;
  /**
   * HMACs (`secretHmac`, the state's salt) of the secret values the environment holds now, by
   * variable name; a variable that is not set is absent. Absent altogether: secrets are not compared.
   */
  readonly secretHmacs?: ReadonlyMap<string, string> | undefined;
}

export interface PlanResourceResponse {
  /** One change per slot (instances) or one for the resource; no-ops included. */
  readonly changes: readonly Change[];
  readonly diagnostics: Diagnostics;
}

export interface CostRequest {
  readonly model: ModelView | null;
  readonly state: StackState;
  readonly changes: readonly Change[];
}

/** The plan's changes to screen against the provider registry before any order is sent. */
export interface ScreenMatchesRequest {
  readonly changes: readonly Change[];
  /** The stack and its refreshed state: open orders no slot owns are looked for when given. */
  readonly stack?: string | undefined;
  readonly state?: StackState | null | undefined;
}

/**
 * One `plan/no-matching-provider` warning per new slot that no registered provider can take, plus
 * the advisory `plan/capacity-unknown`, `plan/price-below-market` and `plan/open-orders`.
 */
export interface ScreenMatchesResponse {
  readonly diagnostics: Diagnostics;
}

/** A connection to one network with (optionally) a wallet: everything that needs the chain. */
export interface ProviderSession {
  /** The network connected to, with the block time its prices and lease lengths use. */
  readonly network: PlanNetwork & { readonly blockTime: BlockTime };
  /**
   * What the network's endpoints take, for apply to size its parallelism (the chain client paces
   * itself to the same rate). Absent: nothing is declared.
   */
  readonly limits?: { readonly rpcRequestsPerSecond: number | null } | undefined;
  /** Wallet address (lowercase), null when the session has no signer. */
  readonly tenant: string | null;
  /** Reads the chain and the providers, and reconciles them with the prior state. */
  refresh(req: RefreshRequest): Promise<RefreshResponse>;
  /** Rebuilds a stack's state from the chain alone (`import`). */
  importStack(req: { readonly stack: string }): Promise<RefreshResponse>;
  /** Pure: the changes that take `prior` to `desired`. */
  planResource(req: PlanResourceRequest): PlanResourceResponse;
  /** Pure over its inputs plus the balances read at connect/refresh time. */
  costSummary(
    req: CostRequest,
  ): Promise<{ readonly cost: readonly CostSummary[]; readonly diagnostics: Diagnostics }>;
  /**
   * Pre-flight match screening: checks each new slot's requirements against the registered
   * providers (region, tier, allow/deny, token, GPU model, published capacity). Optional: sessions without a registry
   * (tests, other marketplaces) screen nothing.
   */
  screenMatches?(req: ScreenMatchesRequest): Promise<ScreenMatchesResponse>;
  /** Applies one planned change of one slot (or slotless resource): orders, manifests, readiness. */
  applySlot(req: ApplySlotRequest): Promise<ApplySlotResponse>;
  /**
   * Called once before any order: tops the escrow up within the stack budget for what the plan
   * locks, or fails with `apply/insufficient-funds` (the exact shortfall) sending nothing.
   */
  ensureEscrow(req: {
    readonly model: ModelView | null;
    readonly changes: readonly Change[];
    readonly emit: (e: ApplyEvent) => void;
    /** Apply's waits: an update lands within `matchMs + manifestMs`, which bounds what its lease spends first. */
    readonly timeouts: ApplySlotRequest['timeouts'];
  }): Promise<{ readonly diagnostics: Diagnostics }>;
  /**
   * One autoscale cycle's look at the stack (`leasehold autoscale`): probes and scrapes every
   * replica of each instance with a health check or a policy, and decides health and count.
   */
  observe(req: ObserveRequest): Promise<ObserveResponse>;
  /** Live view of every lease in the state (`leasehold status`). */
  status(req: { readonly state: StackState }): Promise<{
    readonly leases: readonly LeaseStatusView[];
    /** Open orders of the stack that no slot owns (absent: not looked for). */
    readonly openOrders?: readonly OpenOrderView[] | undefined;
    readonly diagnostics: Diagnostics;
  }>;
  /** Streams one resource's (or slot's) logs (`leasehold logs ADDRESS`) until done or aborted. */
  logs(req: {
    readonly state: StackState;
    readonly address: string;
    readonly tail: number;
    readonly follow: boolean;
    /** The lease's cluster events (`/events`) instead of its logs. */
    readonly events?: boolean | undefined;
    /** The containers' start-up logs (fizz providers serve them). */
    readonly startup?: boolean | undefined;
    readonly onLine: (line: { readonly replica: string; readonly message: string }) => void;
    readonly signal: AbortSignal;
  }): Promise<{ readonly diagnostics: Diagnostics }>;
  close(): Promise<void>;
}
