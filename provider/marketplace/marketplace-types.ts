/**
 * The marketplace client's contract: what the refresh, plan and apply code may ask of the chain and
 * of providers. Implemented by `createMarketplace` (chain) and `createProviderClient` (provider
 * REST). Ids are bigints (uint64/uint256 on chain); addresses are lowercase; money is bigint in base
 * units, prices per block scaled by 1e18 (reference §2.7). Nothing here knows which network it is on.
 */
import type { ResolvedNetwork } from '../network/network-types.js';
import type { CreatedOrderLog, OrderTxLookup } from './order-logs.js';

/** Order state (reference §1.3): 0 open, 1 provisioned, 2 closed, 3 matched. */
export type OrderStateName = 'open' | 'provisioned' | 'closed' | 'matched';

/** Lease state: 0 active, 1 terminated. */
export type LeaseStateName = 'active' | 'terminated';

/** Provider registry status (reference §1.3). */
export type ProviderStatusName =
  'unregistered' | 'registered' | 'active' | 'maintenance' | 'suspended' | 'deactivated';

/** A lease as `ComputeLease.leases(id)` returns it. Lease id = order id. */
export interface LeaseInfo {
  readonly leaseId: bigint;
  readonly fizzId: bigint;
  /** The order id. */
  readonly requestId: bigint;
  /** Price per block, 1e18-scaled. */
  readonly acceptedPrice: bigint;
  /** Lowercase. */
  readonly provider: string;
  /** Lowercase. */
  readonly tenant: string;
  readonly startBlock: number;
  /** Unix seconds. */
  readonly startTime: number;
  /** Unix seconds; 0 while active. */
  readonly endTime: number;
  readonly state: LeaseStateName;
}

/** An order as `OrderRequest.getOrderById(id)` returns it, with the enums decoded. */
export interface OrderInfo {
  readonly id: bigint;
  /** Price per block, 1e18-scaled. */
  readonly maxPrice: bigint;
  readonly numOfBlocks: bigint;
  /** Token address, lowercase. */
  readonly token: string;
  /** Lowercase. */
  readonly creator: string;
  readonly state: OrderStateName;
  /** The compact order spec string (wire/order-spec decodeOrderSpec reads it). */
  readonly spec: string;
  readonly version: number;
  readonly mode: 'fizz' | 'provider';
  /** Tier numbers 0–6. */
  readonly tiers: readonly number[];
}

/** A provider as the registry knows it. */
export interface ProviderInfo {
  /** Wallet address, lowercase. */
  readonly address: string;
  /** Bare host or host:port as registered (`127.0.0.1:41234`, `provider.example.com`). */
  readonly hostUri: string;
  /** PEM of the provider's TLS certificate, null when none is registered. */
  readonly certificate: string | null;
  readonly status: ProviderStatusName;
  readonly tier: number;
  /** Region from the provider spec, null when the spec names none. */
  readonly region: string | null;
  /** Name from the provider spec (`atlantic-2`), what people know it by; null when it has none. */
  readonly name?: string | null | undefined;
  /** The raw provider spec string. */
  readonly spec: string;
  /** Token addresses the provider accepts (lowercase); absent when not read. */
  readonly tokens?: readonly string[] | undefined;
}

/** One bid of an order (`Bid.getAllBidsForOrder`). */
export interface BidInfo {
  /** Lowercase provider address. */
  readonly provider: string;
  /** Price per block, 1e18-scaled. */
  readonly price: bigint;
  /** 0 placed, 1 accepted, 2 rejected. */
  readonly state: number;
}

/** A Bid event about one order: `UpdateRequestAccepted` or `LeaseUpdated`. */
export interface OrderEvent {
  readonly orderId: bigint;
  /** Lowercase provider address. */
  readonly provider: string;
  /** `LeaseUpdated` only: the new accepted price per block; null otherwise. */
  readonly acceptedPrice: bigint | null;
  readonly blockNumber: number;
  readonly txHash: string;
}

/** Options of {@link Marketplace.createOrder} and {@link Marketplace.updateInitialOrder}. */
export interface SendOptions {
  /**
   * Called with the hash and nonce of the signed transaction BEFORE it is broadcast (a throw stops
   * the send): journal them here, so a crash at any later instant leaves a hash refresh can look
   * up, and a nonce that tells whether some version of it was mined. Called again, same nonce,
   * for each re-send with a bumped fee.
   */
  readonly onSigned?: ((txHash: string, nonce: number) => void | Promise<void>) | undefined;
}

/** A tenant's escrow in one token, base units. */
export interface EscrowBalance {
  readonly locked: bigint;
  readonly unlocked: bigint;
}

/** The `createOrder` argument (reference §1.5 OrderDetails). */
export interface OrderDetails {
  /** Price per block, 1e18-scaled. */
  readonly maxPrice: bigint;
  readonly numOfBlocks: bigint;
  /** Token address. */
  readonly token: string;
  /** Compact spec string with the stack tag as its name. */
  readonly spec: string;
  readonly version: number;
  /** 0 fizz, 1 provider. */
  readonly mode: 0 | 1;
  readonly tier: readonly number[];
}

/** A mined transaction. */
export interface TxResult {
  readonly txHash: string;
  readonly blockNumber: number;
}

/** A created order: its id from the `OrderCreated` log of the receipt. */
export interface CreatedOrder extends TxResult {
  readonly orderId: bigint;
}

/** The `OrderMatched` event of one order. */
export interface OrderMatch {
  readonly orderId: bigint;
  /** Lowercase. */
  readonly provider: string;
  readonly acceptedPrice: bigint;
  readonly blockNumber: number;
  readonly txHash: string;
}

/** Options of {@link Marketplace.waitForMatch}. */
export interface WaitForMatchOptions {
  /** The block the order was created in: the log query starts there, so no match is missed. */
  readonly fromBlock: number;
  readonly timeoutMs: number;
  /** @default 500 */
  readonly pollMs?: number | undefined;
  /** Stops waiting early (returns null) once aborted. */
  readonly signal?: AbortSignal | undefined;
}

/** The chain side of the marketplace. Reads are batched (Multicall3), so N items cost O(1) round trips. */
export interface Marketplace {
  readonly network: ResolvedNetwork;
  /** The signer's address (lowercase), null for a read-only client. */
  readonly signerAddress: string | null;

  blockNumber(): Promise<number>;
  /** `getTenantLeases(tenant)`: active ids and all ids ever. */
  tenantLeaseIds(tenant: string): Promise<{ readonly active: bigint[]; readonly all: bigint[] }>;
  /** Leases in the order of `ids`; null where no lease has that id. */
  readLeases(ids: readonly bigint[]): Promise<(LeaseInfo | null)[]>;
  /** Orders in the order of `ids`; null where no order has that id. */
  readOrders(ids: readonly bigint[]): Promise<(OrderInfo | null)[]>;
  /** Providers in the order of `addresses`; null where the address is not registered. */
  readProviders(addresses: readonly string[]): Promise<(ProviderInfo | null)[]>;
  /** `EscrowUser.getUserData(tenant, token, false)`. */
  escrowBalance(tenant: string, token: string): Promise<EscrowBalance>;
  /** ERC-20 `balanceOf(owner)`, base units. */
  tokenBalance(owner: string, token: string): Promise<bigint>;
  /** Native balance (wei), for gas. */
  nativeBalance(owner: string): Promise<bigint>;

  /** ERC-20 approve of `amount` to EscrowUser. Needs a signer. */
  approve(token: string, amount: bigint): Promise<TxResult>;
  /** `EscrowUser.deposit(token, amount)`; call {@link approve} first. */
  deposit(token: string, amount: bigint): Promise<TxResult>;
  /** `EscrowUser.withdraw(token, amount, address(0))`. */
  withdraw(token: string, amount: bigint): Promise<TxResult>;
  /** `createOrder`; `opts.onSigned` sees the tx hash before it is broadcast (journal it then). */
  createOrder(details: OrderDetails, opts?: SendOptions): Promise<CreatedOrder>;
  /** `updateInitialOrder(orderId, details)`. */
  updateInitialOrder(orderId: bigint, details: OrderDetails, opts?: SendOptions): Promise<TxResult>;
  /** Waits for `OrderMatched` of this order id (never matched on creator); null on timeout. */
  waitForMatch(orderId: bigint, opts: WaitForMatchOptions): Promise<OrderMatch | null>;
  /**
   * Waits for a Bid event of this order id from `opts.fromBlock` on (take the block number BEFORE
   * sending, so the wait is subscribed before the transaction exists); null on timeout.
   */
  waitForOrderEvent(
    event: 'UpdateRequestAccepted' | 'LeaseUpdated',
    orderId: bigint,
    opts: WaitForMatchOptions,
  ): Promise<OrderEvent | null>;
  /** What became of a `createOrder` transaction: mined (with its order), pending, or unknown. */
  orderOfTx(txHash: string): Promise<OrderTxLookup>;
  /** The wallet's transaction counts: mined (`latest`) and with its mempool ones (`pending`). */
  transactionCounts(address: string): Promise<{ mined: number; pending: number }>;
  /** `OrderCreated` logs of orders `creator` created from `fromBlock` on. */
  ordersCreatedBy(creator: string, fromBlock: number): Promise<CreatedOrderLog[]>;
  /** Every `OrderMatched` from `fromBlock` on, any tenant's (one log read). */
  matchesSince(fromBlock: number): Promise<OrderMatch[]>;
  /** Every provider in the registry (`getAllProviders`). */
  listProviders(): Promise<ProviderInfo[]>;
  /** `getAllBidsForOrder(orderId)`. */
  readBids(orderId: bigint): Promise<BidInfo[]>;
  /** `closeLease(id)`; an already terminated lease counts as closed (`txHash` null then). */
  closeLease(leaseId: bigint): Promise<{ readonly txHash: string | null }>;

  /** JSON-RPC HTTP requests sent so far by this client (a batch counts once). */
  rpcRoundTrips(): number;
  /** Releases the RPC connection. */
  close(): Promise<void>;
}

/** Where a provider is reached, from the registry. */
export interface ProviderEndpoint {
  /** Lowercase wallet address (for messages). */
  readonly address: string;
  readonly hostUri: string;
  /** Registered PEM: when set, the TLS certificate presented must equal it. */
  readonly certificate: string | null;
  /** The lease's fizz node: non-zero = served by the provider's fizz gateway (port 8543). */
  readonly fizzId?: bigint | undefined;
}

/** A provider call that did not reach the provider (refused, reset, timed out, DNS). */
export interface ProviderUnreachable {
  readonly ok: false;
  readonly kind: 'unreachable';
  /** Why, without tokens: `connect ECONNREFUSED 127.0.0.1:1`, `timed out after 3000 ms`. */
  readonly message: string;
}

/** A provider that answered with a non-2xx status. */
export interface ProviderHttpError {
  readonly ok: false;
  readonly kind: 'http';
  readonly status: number;
  /** Response body, truncated to 2,000 characters. */
  readonly body: string;
}

/**
 * The provider presented a TLS certificate its network's policy does not trust: under `pin` another
 * than registered on chain, under `tofu` another than recorded on first contact (the message then
 * names the provider and the entry to delete). Nothing was sent to it.
 */
export interface ProviderCertificateMismatch {
  readonly ok: false;
  readonly kind: 'certificate-mismatch';
  /** Why, with the fingerprint (sha256) trusted; never a token. */
  readonly message: string;
}

/** A successful provider call. */
export interface ProviderOk<T> {
  readonly ok: true;
  readonly value: T;
}

/** The result of a provider call: never a throw for network or HTTP failures. */
export type ProviderResult<T> =
  ProviderOk<T> | ProviderUnreachable | ProviderHttpError | ProviderCertificateMismatch;

/** `GET /lease/{id}/status` (v2) or `/lease/{id}/1/1/status` (v1), decoded (wire/lease-status.ts). */
export interface ProviderLeaseStatus {
  readonly services: Readonly<Record<string, ProviderServiceStatus>>;
  readonly forwardedPorts: Readonly<
    Record<
      string,
      readonly { host: string; port: number; externalPort: number; proto: string; name: string }[]
    >
  >;
}

/** One service of a lease status. */
export interface ProviderServiceStatus {
  readonly name: string;
  readonly available: number;
  readonly total: number;
  readonly readyReplicas: number;
  /** Replicas the provider aims for: `target_replicas` (since 2025-07), else `replicas`. */
  readonly targetReplicas?: number | undefined;
  readonly uris: readonly string[];
  /** Per-container status (`container_statuses`), when the provider reports it. */
  readonly containers?: readonly ProviderContainerStatus[] | undefined;
}

/** One container (replica) of a service, as `container_statuses` reports it. */
export interface ProviderContainerStatus {
  readonly name: string;
  readonly ready: boolean;
  readonly restartCount: number;
  /** ISO time the container last started running, null when it is not running. */
  readonly startedAt: string | null;
}

/** Options of {@link ProviderClient.logs}. */
export interface LogsOptions {
  readonly service?: string | undefined;
  readonly follow: boolean;
  /** Lines from the end; sent explicitly (the SDK's 100000 when not given). */
  readonly tail?: number | undefined;
  /** The container's start-up logs (fizz providers). */
  readonly startup?: boolean | undefined;
  readonly onLine: (line: string) => void;
  readonly signal?: AbortSignal | undefined;
}

/** The provider REST API (reference §2.6), authenticated with a fresh Auth-Spheron token per request. */
export interface ProviderClient {
  leaseStatus(
    provider: ProviderEndpoint,
    leaseId: bigint,
    opts?: { readonly timeoutMs?: number | undefined },
  ): Promise<ProviderResult<ProviderLeaseStatus>>;
  serviceStatus(
    provider: ProviderEndpoint,
    leaseId: bigint,
    service: string,
  ): Promise<ProviderResult<unknown>>;
  /**
   * One send of the manifest (v1 order: PUT; v2 order: POST on create, PUT on update); the caller
   * owns retries. `value` is the response body.
   */
  sendManifest(
    provider: ProviderEndpoint,
    leaseId: bigint,
    manifest: unknown,
    opts?: { readonly version?: 1 | 2 | undefined; readonly update?: boolean | undefined },
  ): Promise<ProviderResult<{ readonly status: number; readonly body: string }>>;
  /** Streams log lines over WebSocket until the stream ends or `signal` aborts. */
  logs(
    provider: ProviderEndpoint,
    leaseId: bigint,
    opts: LogsOptions,
  ): Promise<ProviderResult<null>>;
  /** Streams the lease's cluster events (`/events`, v1 `kubeevents`), one line each. */
  events(
    provider: ProviderEndpoint,
    leaseId: bigint,
    opts: LogsOptions,
  ): Promise<ProviderResult<null>>;
  /** The API version a provider was last answered on, null before any answer. */
  apiOf(provider: ProviderEndpoint): 'v1' | 'v2' | null;
  /**
   * `GET /status` (no auth, pinned TLS): the provider's published inventory, the parsed JSON body
   * (provider/apply/parse-provider-inventory.ts reads it).
   */
  inventory(
    provider: ProviderEndpoint,
    opts?: { readonly timeoutMs?: number | undefined },
  ): Promise<ProviderResult<unknown>>;
}
