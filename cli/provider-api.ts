/**
 * The contract between the core (cli/) and the provider (provider/), types only — Terraform's
 * `providers` package. The core sees the model generically (addresses, hashes, opaque attributes);
 * only the provider knows what an instance is.
 */
import type { Diagnostics } from './diag/index.js';
import type { BlockTime, Change, CostSummary, DriftEntry, PlanNetwork } from './plan/plan-types.js';
import type { JournalEntry, LeaseRecord, ResourceState, StackState } from './state/state-types.js';

/** One resource of the normalized model as the core sees it. */
export interface ModelResourceView {
  readonly type: string;
  readonly name: string;
  /** `instance.web`, `health_check.web`. */
  readonly address: string;
  /** Provider-defined, JSON-serialisable. */
  readonly attributes: unknown;
  /** sha256 of the resource's canonical JSON. */
  readonly hash: string;
}

/** A stack output as the core sees it: the resources its value refers to, and its sensitivity. */
export interface ModelOutputView {
  /** The output's expression, `${instance.web.endpoints[0]}`; resolved from state after apply. */
  readonly value?: string | undefined;
  readonly references: readonly string[];
  readonly sensitive: boolean;
}

/** The normalized model as the core sees it. */
export interface ModelView {
  readonly formatVersion: 1;
  readonly stack: string;
  readonly network: { readonly name: string };
  readonly resources: readonly ModelResourceView[];
  /** Stack outputs by name; absent when the model carries none. */
  readonly outputs?: Readonly<Record<string, ModelOutputView>> | undefined;
  readonly hash: string;
}

export interface LoadStackRequest {
  /** Spec file (`-f`); default `leasehold.yaml`, or a CDK app's `cdktf.json`, in `cwd`. */
  readonly file?: string | undefined;
  /** CDK app command (`--app`), run to synthesize `cdk.tf.json`. */
  readonly app?: string | undefined;
  readonly cwd: string;
}

export interface LoadStackResponse {
  /** Null when there are errors. */
  readonly model: ModelView | null;
  /** The model as canonical JSON (sorted keys, no whitespace), null when there are errors. */
  readonly canonicalJson: string | null;
  /** Everything found, errors and warnings, each located when it has a source. */
  readonly diagnostics: Diagnostics;
  /** The file that was read, for messages. */
  readonly file: string;
}

export interface ConvertRequest {
  /** An ICL (v1.0) or Akash SDL (v2.0/2.1) file. */
  readonly file: string;
  readonly cwd: string;
  /** Stack name for the result; default derived from the file name. */
  readonly stack?: string | undefined;
}

export interface ConvertResponse {
  /** The Leasehold YAML spec, null on errors. */
  readonly yaml: string | null;
  readonly sourceFormat: 'icl' | 'sdl' | null;
  /** Errors, and a warning for everything that could not be carried over. */
  readonly diagnostics: Diagnostics;
}

export interface ScaffoldRequest {
  readonly dir: string;
  readonly kind: 'yaml' | 'cdk';
  readonly stack: string;
  readonly force: boolean;
}

export interface ScaffoldResponse {
  readonly files: readonly string[];
  readonly diagnostics: Diagnostics;
}

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

/** `wallet create|import|address` (no chain access: keystores are local files). */
export interface WalletRequest {
  readonly operation: 'create' | 'import' | 'address';
  /** `--network` (address only: decides whether the devnet's development wallet applies). */
  readonly network?: string | undefined;
  /** `--keystore`; default LEASEHOLD_KEYSTORE, then `$LEASEHOLD_HOME/wallets/default.json`. */
  readonly keystore?: string | undefined;
  /** `import` only: the key, read by the command from stdin or LEASEHOLD_PRIVATE_KEY — never a flag. */
  readonly privateKey?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly promptPassword?: ((question: string) => Promise<string>) | undefined;
}

export interface WalletResponse {
  /** Lowercase address. */
  readonly address: string;
  /** The keystore written or read, null when the key came from elsewhere. */
  readonly keystore: string | null;
  readonly source: 'private-key' | 'keystore' | 'dev-wallet';
}

/** An amount of one token: base units (decimal string) and whole tokens. */
export interface TokenAmountView {
  readonly symbol: string;
  readonly decimals: number;
  readonly base: string;
  readonly formatted: string;
}

export interface WalletBalanceResponse {
  readonly address: string;
  readonly network: string;
  /** Native currency (ETH) for gas. */
  readonly native: TokenAmountView;
  readonly tokens: readonly TokenAmountView[];
}

export interface EscrowBalanceView {
  readonly symbol: string;
  readonly locked: TokenAmountView;
  readonly unlocked: TokenAmountView;
}

export interface EscrowChangeResponse {
  readonly operation: 'deposit' | 'withdraw';
  readonly amount: TokenAmountView;
  readonly txHashes: readonly string[];
  /** The escrow after the change. */
  readonly balance: EscrowBalanceView;
}

/** A connection to one network with (optionally) a wallet: everything that needs the chain. */
export interface ProviderSession {
  /** The network connected to, with the block time its prices and lease lengths use. */
  readonly network: PlanNetwork & { readonly blockTime: BlockTime };
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
  status(req: {
    readonly state: StackState;
  }): Promise<{ readonly leases: readonly LeaseStatusView[]; readonly diagnostics: Diagnostics }>;
  /** Streams one resource's (or slot's) logs (`leasehold logs ADDRESS`) until done or aborted. */
  logs(req: {
    readonly state: StackState;
    readonly address: string;
    readonly tail: number;
    readonly follow: boolean;
    readonly onLine: (line: { readonly replica: string; readonly message: string }) => void;
    readonly signal: AbortSignal;
  }): Promise<{ readonly diagnostics: Diagnostics }>;
  close(): Promise<void>;
}

/** One lease as `leasehold status` shows it: chain facts plus the provider's live report. */
export interface LeaseStatusView {
  /** Slot address, `instance.web[0]`. */
  readonly address: string;
  readonly leaseId: string;
  /** Provider wallet address (lowercase). */
  readonly provider: string;
  readonly region: string | null;
  /** Accepted price per hour in the token's base units (decimal string). */
  readonly pricePerHour: string;
  /** Token symbol. */
  readonly token: string;
  /** The token's decimals, to show `pricePerHour` in whole tokens. */
  readonly decimals: number;
  readonly ready: number;
  readonly total: number;
  readonly endpoints: readonly string[];
  /** Hours the lease's remaining escrow lasts, null when unknown. */
  readonly runwayHours: number | null;
  /** False when the provider did not answer (ready/total are then the last known). */
  readonly reachable: boolean;
  /** Each replica the provider reports, with its health and live metrics; [] when unreachable. */
  readonly replicas: readonly ReplicaStatusView[];
}

/** One replica in `leasehold status`: provider signals, one health probe, two metric scrapes. */
export interface ReplicaStatusView {
  /** Container name as the provider reports it: `web-0`. */
  readonly name: string;
  readonly ready: boolean;
  readonly restarts: number;
  /** From the instance's health check when declared, else from the provider's readiness. */
  readonly health: 'healthy' | 'unhealthy' | 'unknown' | 'starting';
  /** The `cpu_utilization_percent` gauge; null when not exposed or not scraped. */
  readonly cpuPercent: number | null;
  /** Rate of `http_requests_total` between two scrapes; null when not exposed or not scraped. */
  readonly rps: number | null;
}

/** A connection for `wallet balance` and `escrow …`: the wallet's funds on one network. */
export interface WalletSession {
  readonly network: { readonly name: string; readonly chainId: number };
  /** Wallet address (lowercase). */
  readonly tenant: string;
  /** Native and token balances of the wallet. */
  walletBalance(): Promise<WalletBalanceResponse>;
  /** Escrow of the wallet in every token of the network. */
  escrowBalances(): Promise<readonly EscrowBalanceView[]>;
  /** `escrow deposit|withdraw AMOUNT --token SYM`: exact decimal whole tokens. */
  escrowChange(req: {
    readonly operation: 'deposit' | 'withdraw';
    readonly token: string;
    readonly amount: string;
  }): Promise<EscrowChangeResponse>;
  close(): Promise<void>;
}

/**
 * One step of applying a slot, emitted by the provider and rendered by the core's progress views
 * (STYLE §18). Money is in base units (decimal strings); prices per block are 1e18-scaled.
 */
export type ApplyEvent = { readonly address: string; readonly at: string } & (
  | {
      readonly type: 'escrow-deposit';
      readonly token: string;
      readonly amount: string;
      readonly txHash: string;
    }
  | { readonly type: 'order-created'; readonly orderId: string; readonly txHash: string }
  | {
      readonly type: 'lease-matched';
      readonly leaseId: string;
      readonly provider: string;
      readonly acceptedPrice: string;
    }
  | { readonly type: 'manifest-sent'; readonly leaseId: string; readonly attempt: number }
  | {
      readonly type: 'manifest-retry';
      readonly leaseId: string;
      readonly attempt: number;
      readonly reason: string;
    }
  | {
      readonly type: 'replica-ready';
      readonly leaseId: string;
      readonly ready: number;
      readonly total: number;
    }
  | { readonly type: 'health-passed'; readonly leaseId: string }
  | { readonly type: 'update-requested'; readonly leaseId: string; readonly txHash: string }
  | { readonly type: 'update-accepted'; readonly leaseId: string }
  | { readonly type: 'lease-updated'; readonly leaseId: string }
  | { readonly type: 'lease-closed'; readonly leaseId: string; readonly released: string | null }
  | { readonly type: 'waiting'; readonly phase: string; readonly detail: string }
);

/** A journalled intent the provider opened; update it as facts arrive, clear it when recorded. */
export interface JournalHandle {
  update(patch: {
    readonly txHash?: string | undefined;
    readonly orderId?: string | undefined;
  }): Promise<void>;
  clear(): Promise<void>;
}

export interface ApplySlotRequest {
  /** The planned change of one slot (or of a slotless resource). Apply reads only action, before, after, private. */
  readonly change: Change;
  /** The slot's resource as it stands now (earlier steps may have changed it). */
  readonly prior: ResourceState | null;
  readonly model: ModelView | null;
  /** Secret values by environment variable name, read at apply time; never persisted or logged. */
  readonly secrets: ReadonlyMap<string, string>;
  /**
   * HMACs of those values (`secretHmac`, the state's salt), by variable name: recorded on the lease
   * with the manifest that carried them (`LeaseRecord.secretHmacs`). Absent: recorded as unknown.
   */
  readonly secretHmacs?: ReadonlyMap<string, string> | undefined;
  /**
   * Persists the slot's lease records at once — all records of this slot key, primary first (a
   * replacement briefly holds the new lease and the old one, `tainted`). [] removes the slot.
   */
  readonly recordLeases: (leases: readonly LeaseRecord[]) => Promise<void>;
  /** Journals an intent BEFORE its transaction is sent. */
  readonly journal: (entry: Omit<JournalEntry, 'id' | 'createdAt'>) => Promise<JournalHandle>;
  readonly emit: (event: ApplyEvent) => void;
  /** Aborted on Ctrl-C: finish the transaction in flight, record it, then stop at the next safe point. */
  readonly signal: AbortSignal;
  readonly timeouts: {
    readonly matchMs: number;
    readonly readyMs: number;
    readonly manifestMs: number;
  };
}

export interface ApplySlotResponse {
  /** The slot's lease records as they stand — the last known ones even on failure; [] when deleted. */
  readonly leases: readonly LeaseRecord[];
  readonly diagnostics: Diagnostics;
}

/** What the core asks of a provider. Each method reports problems as diagnostics. */
export interface Provider {
  loadStack(req: LoadStackRequest): Promise<LoadStackResponse>;
  convert(req: ConvertRequest): Promise<ConvertResponse>;
  scaffold(req: ScaffoldRequest): Promise<ScaffoldResponse>;
  /** Connects to a network (starting the devnet for `local`); throws LeaseholdError on failure. */
  connect(req: ConnectRequest): Promise<ProviderSession>;
  /** Keystore operations and the wallet address, without touching a chain. */
  wallet(req: WalletRequest): Promise<WalletResponse>;
  /** Connects a wallet (`req.signer` is `sign` or `address`) for balance and escrow commands. */
  connectWallet(req: ConnectRequest): Promise<WalletSession>;
}

/** What the controller did or would do about one instance this cycle. */
export type AutoscaleAction = 'none' | 'scale-out' | 'scale-in' | 'replace' | 'alert';

/** A replacement ordered by the controller, and how long its provider stays out of the slot. */
export interface AutoscaleReplacement {
  /** ms since the epoch. */
  readonly at: number;
  /** Slot address, `instance.web[1]`. */
  readonly slot: string;
  readonly leaseId: string;
  /** The replaced lease's provider (lowercase), excluded from the slot until `excludeUntil` (ms). */
  readonly provider: string;
  readonly excludeUntil: number;
}

/** The controller's memory of one instance between cycles. */
export interface AutoscaleResourceHistory {
  /** Unstabilized recommendations (HPA's stabilization windows read them). */
  readonly recommendations: readonly { readonly at: number; readonly replicas: number }[];
  /** Applied changes of the replica count. */
  readonly events: readonly { readonly at: number; readonly from: number; readonly to: number }[];
  readonly replacements: readonly AutoscaleReplacement[];
  /** Provider-defined, JSON-serialisable: recent probes, last scrapes, readiness times. */
  readonly memory: unknown;
}

/** One decision as the controller logged it (`--json` event and history entry). */
export interface AutoscaleDecisionEvent {
  readonly type: 'decision';
  /** ISO time. */
  readonly at: string;
  /** Instance address. */
  readonly resource: string;
  readonly current: number;
  readonly desired: number;
  readonly metrics: readonly {
    readonly name: string;
    readonly value: number | null;
    readonly target: number;
  }[];
  readonly health: readonly ReplicaHealthView[];
  readonly action: AutoscaleAction;
  /** The rule that held the count (`budget`, `cooldown`, …) or stopped a replacement; null if none. */
  readonly blockedBy: string | null;
  readonly reasons: readonly string[];
  /** `applied`, `failed` or `skipped` (nothing to do, or a dry decision); absent before apply. */
  readonly outcome?: 'applied' | 'failed' | 'skipped' | undefined;
}

/** The autoscale history of a stack (`<state dir>/<stack>.autoscale.json`), bounded in size. */
export interface AutoscaleHistory {
  readonly formatVersion: 1;
  readonly stack: string;
  /** By instance address. */
  readonly resources: Readonly<Record<string, AutoscaleResourceHistory>>;
  /** The most recent decisions, oldest first. */
  readonly decisions: readonly AutoscaleDecisionEvent[];
}

/** One replica's health as a decision reports it. */
export interface ReplicaHealthView {
  /** `instance.web[0]#1`: slot address and replica index. */
  readonly replica: string;
  readonly slot: string;
  readonly state: 'starting' | 'grace' | 'healthy' | 'unhealthy' | 'unknown';
  readonly reason: string;
  readonly action: 'replace' | 'alert' | 'none';
}

/** The input of {@link ProviderSession.observe}. */
export interface ObserveRequest {
  /** Freshly refreshed. */
  readonly state: StackState;
  readonly model: ModelView;
  readonly history: AutoscaleHistory;
  /** ms since the epoch: the cycle's clock. */
  readonly now: number;
}

/** One instance's decision for this cycle, with every reason. */
export interface CycleDecision {
  /** Instance address. */
  readonly resource: string;
  /** Replicas running now. */
  readonly current: number;
  /** Replicas wanted (= current without a policy). */
  readonly desired: number;
  readonly metrics: AutoscaleDecisionEvent['metrics'];
  readonly health: readonly ReplicaHealthView[];
  /** Slots to replace now, each with the provider to exclude. */
  readonly replace: readonly AutoscaleReplacement[];
  readonly action: AutoscaleAction;
  readonly blockedBy: string | null;
  readonly reasons: readonly string[];
  /** Append to the history's recommendations; null when the metrics gave none. */
  readonly recommendation: { readonly at: number; readonly replicas: number } | null;
  /** The new provider-defined memory to store for the next cycle. */
  readonly memory: unknown;
}

/** What {@link ProviderSession.observe} returns. */
export interface ObserveResponse {
  readonly decisions: readonly CycleDecision[];
  readonly diagnostics: Diagnostics;
}
