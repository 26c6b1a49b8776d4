/**
 * What the provider API needs from the rest of the daemon, as a small interface: the chain reads
 * sit behind `lookupLease`, so the server's routes and auth are tested with an in-memory backend
 * and run for real against anvil.
 */
import type { Diagnostics } from '../../common/diag/index.js';
import type { Workload } from '../workload/workload.js';
import type { FaultBoard } from './fault-board.js';

/** A lease as the provider sees it on chain. */
export interface LeaseInfo {
  readonly leaseId: bigint;
  /** The tenant's address (checksummed or not; compared case-insensitively). */
  readonly tenant: string;
  /** False once the lease is closed. */
  readonly active: boolean;
}

/** The daemon behind the provider API. */
export interface ProviderBackend {
  /** The lease if it is this provider's, else null. */
  lookupLease(leaseId: bigint): Promise<LeaseInfo | null>;
  /** Validates and runs a manifest; diagnostics mean 422 and nothing changed. */
  putManifest(leaseId: bigint, body: unknown): Promise<Diagnostics>;
  /** The running workload of a lease, once a manifest arrived. */
  workload(leaseId: bigint): Workload | undefined;
  /** `GET /status`: capacity, what is used, leases. */
  inventory(): unknown;
  readonly faults: FaultBoard;
  /** The provider's wallet address (`GET /address`). */
  readonly address: string;
  /** Clock for token freshness, in Unix seconds (injected so tests can move it). */
  nowSeconds(): number;
}
