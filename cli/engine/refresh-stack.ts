import { hasErrors } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import { jsonEqual } from '../plan/json-equal.js';
import type { DriftEntry } from '../plan/plan-types.js';
import type { ProviderSession } from '../provider-api.js';
import { emptyState } from '../state/empty-state.js';
import type { StackState, StateBackend } from '../state/state-types.js';
import { withStateLock } from '../state/with-state-lock.js';

/** What `leasehold refresh` needs. */
export interface RefreshStackInput {
  readonly session: Pick<ProviderSession, 'refresh' | 'network'>;
  readonly backend: StateBackend;
  readonly stack: string;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  /** Leasehold's version, recorded in the lock. */
  readonly version: string;
}

/** The refreshed state, what drifted, and whether a new serial was written. */
export interface RefreshStackResult {
  readonly state: StackState;
  readonly drift: readonly DriftEntry[];
  readonly diagnostics: Diagnostics;
  readonly written: boolean;
}

/**
 * `leasehold refresh`: reads the chain and the providers, reconciles them with the state and
 * writes the result with serial + 1 when anything changed. Writes nothing when refresh reported
 * errors, or when there is no state and the chain holds nothing of this stack.
 */
export function refreshStack(input: RefreshStackInput): Promise<RefreshStackResult> {
  const lock = {
    backend: input.backend,
    lock: input.lock,
    timeoutMs: input.lockTimeoutMs,
    operation: 'refresh',
    version: input.version,
  };
  return withStateLock(lock, async () => {
    const prior = await input.backend.read();
    const res = await input.session.refresh({ stack: input.stack, prior });
    const changed =
      prior === null
        ? res.state.resources.length > 0
        : !jsonEqual(comparable(prior), comparable(res.state));
    if (!changed || hasErrors(res.diagnostics)) {
      return {
        state: prior ?? res.state,
        drift: res.drift,
        diagnostics: res.diagnostics,
        written: false,
      };
    }
    const base = prior ?? emptyState({ stack: input.stack, network: input.session.network });
    const state: StackState = { ...res.state, lineage: base.lineage, serial: base.serial + 1 };
    await input.backend.write(state);
    return { state, drift: res.drift, diagnostics: res.diagnostics, written: true };
  });
}

// Timestamps move on every read; only content counts as a change worth a new serial.
function comparable(state: StackState): unknown {
  return {
    ...state,
    serial: 0,
    resources: state.resources.map((r) => ({
      ...r,
      leases: r.leases.map((l) => ({ ...l, updatedAt: '' })),
    })),
  };
}
