/** What applying one slot takes and reports: progress events, the journal handle, the request and its result. */
import type { Diagnostics } from '../diag/index.js';
import type { Change } from '../plan/plan-types.js';
import type { JournalEntry, LeaseRecord, ResourceState } from '../state/state-types.js';
import type { ModelView } from './stack.js';

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
      /** The token's decimals, so people read `deposit 100 USDT`. */
      readonly decimals?: number | undefined;
    }
  | { readonly type: 'order-created'; readonly orderId: string; readonly txHash: string }
  | {
      readonly type: 'lease-matched';
      readonly leaseId: string;
      readonly provider: string;
      readonly acceptedPrice: string;
      /** The provider's registered name (`atlantic-2`), when its spec has one. */
      readonly providerName?: string | null | undefined;
      /** The accepted price per hour in the token's base units, with the token, for people. */
      readonly perHour?:
        { readonly amount: string; readonly token: string; readonly decimals: number } | undefined;
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
  | {
      readonly type: 'lease-closed';
      readonly leaseId: string;
      readonly released: string | null;
      /** The lease's token and its decimals, so `released` reads `4.74903 USDT released`. */
      readonly token?: string | undefined;
      readonly decimals?: number | undefined;
    }
  | { readonly type: 'waiting'; readonly phase: string; readonly detail: string }
);

/** A journalled intent the provider opened; update it as facts arrive, clear it when recorded. */
export interface JournalHandle {
  update(patch: {
    readonly txHash?: string | undefined;
    readonly nonce?: number | undefined;
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
