import type { StackTag } from '../marketplace/stack-tag.js';
import type {
  LeaseInfo,
  OrderInfo,
  ProviderInfo,
  ProviderLeaseStatus,
} from '../marketplace/marketplace-types.js';

/** What the chain says about one order of this stack (lease id = order id). */
export interface ChainLease {
  /** Decimal order/lease id. */
  readonly id: string;
  readonly order: OrderInfo;
  /** Null while the order is not matched. */
  readonly lease: LeaseInfo | null;
  /** The decoded stack tag of the order's spec name. */
  readonly tag: StackTag;
  /** Replicas the order asks for (Σ service counts). */
  readonly replicas: number;
  /** The `region` placement attribute, else the provider's region. */
  readonly region: string | null;
  /** CPU millicores and memory bytes of one replica, as ordered. */
  readonly cpu: number;
  readonly memory: string;
  readonly provider: ProviderInfo | null;
  /** `sha256:<hex>` of the spec string. */
  readonly specHash: string;
}

/** What asking a lease's provider for its status gave. */
export type LeaseStatusReading =
  | { readonly kind: 'ok'; readonly status: ProviderLeaseStatus }
  | { readonly kind: 'unreachable'; readonly message: string }
  /** Answered, but with no status to give (404 before the manifest, 5xx, wrong certificate). */
  | { readonly kind: 'no-status'; readonly message: string };

/** Everything refresh read, as plain data for {@link reconcileLeases}. */
export interface ChainFacts {
  readonly blockNumber: number;
  /** Orders of this stack, and every order state names, by id. */
  readonly leases: ReadonlyMap<string, ChainLease>;
  /** Ids the chain lists as the tenant's active leases. */
  readonly activeIds: ReadonlySet<string>;
  /** Status readings by lease id (only leases that are live on chain are asked). */
  readonly statuses: ReadonlyMap<string, LeaseStatusReading>;
}
