/** One probe's outcome at `at` (ms since the epoch). */
export interface ProbeOutcome {
  readonly ok: boolean;
  readonly at: number;
  readonly status?: number | undefined;
  readonly error?: string | undefined;
}

/** What the provider's lease status says about a replica right now. */
export interface ProviderSignals {
  /** The provider reports the replica ready. */
  readonly ready: boolean;
  /** The container restarted since the last look (restart count went up) or is in a crash loop. */
  readonly restarting: boolean;
  /** The provider answered the status request at all. */
  readonly reachable: boolean;
}

/** The health of one replica, as {@link decideHealth} sees it. */
export type HealthState = 'starting' | 'grace' | 'healthy' | 'unhealthy' | 'unknown';

/** The action for one replica's lease. */
export type HealthActionKind = 'replace' | 'alert' | 'none';
