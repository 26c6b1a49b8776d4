/**
 * State: what Leasehold last saw and did, per stack (DESIGN §4, STYLE §8). Immutable snapshots; one
 * writer. `schemas/state.schema.json` is the on-disk contract. Secret VALUES never appear here:
 * resources record the model attributes they were applied with, which hold only secret references.
 */

/** Status of one lease slot, as in Terraform's instance objects. */
export type SlotStatus =
  /** The lease exists and last apply/refresh found it serving. */
  | 'ready'
  /** The lease exists but must be replaced (failed readiness, unhealthy, or marked by the user). */
  | 'tainted'
  /** An order was sent (journalled intent); the lease is not confirmed yet. */
  | 'planned';

/** One lease of a resource: a slot key plus what the chain and the provider told us. */
export interface LeaseRecord {
  /** Slot key within the resource: `"0"`, `"1"` (spread provider/none) or a region (spread region). */
  readonly key: string;
  readonly status: SlotStatus;
  /** Order id; equals the lease id once matched (decimal string of a uint64). */
  readonly orderId: string;
  /** Null while the order is open (`planned`). */
  readonly leaseId: string | null;
  /** Provider wallet address (lowercase), null until matched. */
  readonly provider: string | null;
  /** Provider host URI as registered on chain, null until matched. */
  readonly host: string | null;
  readonly region: string | null;
  /** Accepted price per block, scaled by 1e18 (decimal string), null until matched. */
  readonly acceptedPrice: string | null;
  /** Token address the lease is paid in (lowercase). */
  readonly token: string;
  /** Replicas this lease runs. */
  readonly replicas: number;
  /** sha256 of the on-chain order spec string. */
  readonly specHash: string;
  /** sha256 of the manifest sent, secrets excluded; null before the manifest is sent. */
  readonly manifestHash: string | null;
  /**
   * HMAC-SHA256 of each secret value the last manifest sent carried, keyed by the state's
   * `secretSalt`, by environment variable name (`secretHmac`) — never the value. Absent when
   * unknown: a lease adopted from the chain, or recorded before Leasehold kept them.
   */
  readonly secretHmacs?: Readonly<Record<string, string>> | undefined;
  readonly startBlock: number | null;
  readonly numOfBlocks: number;
  /** Public endpoints (`http://host:port`), as reported by the provider. */
  readonly endpoints: readonly string[];
  /** ISO time the record was last written. */
  readonly updatedAt: string;
}

/** One resource in state: the model attributes it was applied with, and its leases. */
export interface ResourceState {
  /** `instance.web`, `health_check.web`, `autoscaling_policy.web`. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** The model attributes last applied (provider-defined JSON; secrets as references only). */
  readonly attributes: unknown;
  /** Content hash of the model resource last applied. */
  readonly modelHash: string;
  /** Leases, sorted by key. Empty for resources with no chain footprint (health checks, policies). */
  readonly leases: readonly LeaseRecord[];
}

export interface OutputState {
  readonly value: string | null;
  readonly sensitive: boolean;
}

/**
 * A journalled intent: written before a transaction, cleared once its result is recorded — or by
 * the next refresh, except while its transaction is still pending on the node.
 */
export interface JournalEntry {
  readonly id: string;
  /** `create-order`, `close-lease`, `update-order`, `send-manifest`. */
  readonly operation: string;
  readonly address: string;
  readonly key: string;
  /** Order or lease id when known. */
  readonly orderId: string | null;
  /** Written once the transaction is signed, before it is broadcast; null until then. */
  readonly txHash: string | null;
  /**
   * The transaction's nonce, written with `txHash`. A re-send with a bumped fee keeps the nonce
   * and changes the hash, so when the node does not know the hash but the wallet's count is past
   * the nonce, some version of it may have been mined: refresh then looks for the order by its
   * tag. Absent in entries written before Leasehold kept it.
   */
  readonly nonce?: number | null | undefined;
  readonly createdAt: string;
}

/** The whole state of one stack: a snapshot, never mutated in place. */
export interface StackState {
  readonly formatVersion: 1;
  readonly stack: string;
  /** UUID naming this state's history; a saved plan must match it. */
  readonly lineage: string;
  /** Increments on every write; a saved plan must match it. */
  readonly serial: number;
  /**
   * Hex of 32 random bytes, created with the lineage: the key of the lease records'
   * `secretHmacs`. Absent in a state never applied, or written before Leasehold kept it.
   */
  readonly secretSalt?: string | undefined;
  readonly network: { readonly name: string; readonly chainId: number };
  /** Wallet address (lowercase) that owns the leases; null in a state never applied. */
  readonly tenant: string | null;
  /** Sorted by address. */
  readonly resources: readonly ResourceState[];
  readonly outputs: Readonly<Record<string, OutputState>>;
  readonly journal: readonly JournalEntry[];
}

/** Who holds a state lock (Terraform's LockInfo). */
export interface LockInfo {
  readonly id: string;
  /** `plan`, `apply`, `refresh`, `autoscale`, … */
  readonly operation: string;
  /** `user@host (pid N)`. */
  readonly who: string;
  readonly version: string;
  /** ISO time. */
  readonly created: string;
  readonly path: string;
}

/** One stored version of a stack's state, as `state history` lists it. */
export interface StateVersion {
  readonly serial: number;
  readonly lineage: string;
  /** `user@host (pid N)`, or the CI job (`github:owner/repo run 42 (job plan)`). */
  readonly writer: string;
  /** ISO time. */
  readonly writtenAt: string;
  /** `sha256:<hex>` of the stored text. */
  readonly contentHash: string;
  readonly encrypted: boolean;
  /** What changed against the version before: `+1 resource, 2 leases changed`. */
  readonly summary: string;
}

/** One entry of a stack's activity log: who did what, never a secret value. */
export interface ActivityEntry {
  /** ISO time. */
  readonly at: string;
  readonly stack: string;
  /** `user@host`, or the CI job from GITHUB_* variables. */
  readonly who: string;
  /** `apply`, `destroy`, `import`, `state push`, `state migrate`, `state unlock`, `autoscale`. */
  readonly command: string;
  /** One line: the plan summary or the decision. */
  readonly summary: string;
  /** Resource addresses touched. */
  readonly resources: readonly string[];
  readonly txHashes: readonly string[];
  /** Change of the stack's cost per hour, base units of `token` (decimal string), when known. */
  readonly costDeltaPerHour?: string | undefined;
  readonly token?: string | undefined;
  /** The state serial after the operation, when it wrote one. */
  readonly serial?: number | undefined;
}

/** Which entries `leasehold activity` reads. */
export interface ActivityFilter {
  /** ISO time: entries at or after it. */
  readonly since?: string | undefined;
  /** Entries that touched this address (or a slot of it). */
  readonly resource?: string | undefined;
}

/** A controller's bid for leadership of a stack (shared backends only). */
export type LeaderAttempt =
  | {
      readonly acquired: true;
      readonly lock: LockInfo;
      /** False once the leadership is gone (its connection died): stop acting at once. */
      alive(): Promise<boolean>;
      release(): Promise<void>;
    }
  | { readonly acquired: false; readonly holder: LockInfo };

/** Where state lives: the local file backend (the default) or PostgreSQL (`pg`). */
export interface StateBackend {
  /** `local` or `pg`; absent in test doubles. */
  readonly kind?: 'local' | 'pg' | undefined;
  /** Reads the current state, or null when the stack has none yet. Throws StateCorruptError. */
  read(): Promise<StackState | null>;
  /** Writes atomically (temp file, fsync, rename) and keeps the previous state as a backup. */
  write(state: StackState): Promise<void>;
  /** Takes the lock, retrying with backoff until `timeoutMs`; throws StateLockedError naming the holder. */
  acquireLock(
    info: Omit<LockInfo, 'id' | 'created' | 'path'>,
    timeoutMs: number,
  ): Promise<LockInfo>;
  releaseLock(id: string): Promise<void>;
  /** Removes a lock whatever holds it (`state unlock ID`): the id must match, as a nonce. */
  forceUnlock(id: string): Promise<void>;
  /** The current lock, if any. */
  readLock(): Promise<LockInfo | null>;
  /** Human description for messages: the file path, or `pg://host/db schema.stack`. */
  readonly location: string;
  /** Stored versions, newest first (pg keeps the last N; local has the state and its backup). */
  history?(limit: number): Promise<readonly StateVersion[]>;
  /** One stored version by serial, or null when it is not kept. */
  readVersion?(serial: number): Promise<StackState | null>;
  /** Appends to the activity log (a pg table, or JSON lines beside the local state). */
  appendActivity?(entry: ActivityEntry): Promise<void>;
  /** Activity entries, oldest first. */
  readActivity?(filter: ActivityFilter): Promise<readonly ActivityEntry[]>;
  /**
   * Tries once for the controllers' leader lock of this stack (pg: a session advisory lock on
   * its own connection, freed when the leader dies). Absent: the caller uses the leader file.
   */
  tryLeader?(info: Omit<LockInfo, 'id' | 'created' | 'path'>): Promise<LeaderAttempt>;
  /** Frees connections; the backend is unusable afterwards. */
  close?(): Promise<void>;
}
