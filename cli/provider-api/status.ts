/** The live view of leases and replicas that `leasehold status` shows. */

/** One lease as `leasehold status` shows it: chain facts plus the provider's live report. */
export interface LeaseStatusView {
  /** Slot address, `instance.web[0]`. */
  readonly address: string;
  readonly leaseId: string;
  /** Provider wallet address (lowercase). */
  readonly provider: string;
  /** The provider's registered name (`atlantic-2`), null when the registry gives none. */
  readonly providerName?: string | null | undefined;
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

/**
 * An order of the stack still open on chain that no slot in state owns (an apply refused or timed
 * out after ordering): Spheron cannot cancel it, so it may still match and start charging.
 */
export interface OpenOrderView {
  readonly orderId: string;
  /** Slot address its stack tag names: `instance.web[0]`. */
  readonly address: string;
  /** Its max price per hour in the token's base units (decimal string): what a match may cost. */
  readonly maxPerHour: string;
  /** Token symbol. */
  readonly token: string;
  readonly decimals: number;
}
