import { randomUUID } from 'node:crypto';
import { hasErrors, LeaseholdError } from '../diag/index.js';
import type { Diagnostics } from '../diag/index.js';
import type { DriftEntry } from '../plan/plan-types.js';
import type { ProviderSession } from '../provider-api.js';
import { newSecretSalt } from '../state/secret-hmac.js';
import type { StackState, StateBackend } from '../state/state-types.js';
import { withStateLock } from '../state/with-state-lock.js';

/** What `leasehold import` needs. */
export interface ImportStackInput {
  readonly session: Pick<ProviderSession, 'importStack'>;
  readonly backend: StateBackend;
  readonly stack: string;
  /** `--force`: replace an existing state file (its previous content stays as the backup). */
  readonly force: boolean;
  readonly lock: boolean;
  readonly lockTimeoutMs: number;
  /** Leasehold's version, recorded in the lock. */
  readonly version: string;
  /** @default a fresh `crypto.randomUUID()` — an imported state starts a new history. */
  readonly lineage?: string | undefined;
}

/** The rebuilt state and the leases adopted into it. */
export interface ImportStackResult {
  readonly state: StackState;
  readonly adopted: readonly DriftEntry[];
  readonly diagnostics: Diagnostics;
  readonly written: boolean;
}

/**
 * `leasehold import`: rebuilds a stack's state from the chain alone (the stack tag in each order's
 * spec name) and writes it with a fresh lineage at serial 1. Refuses to overwrite an existing
 * state unless `force`; writes nothing when the import reported errors.
 */
export function importStack(input: ImportStackInput): Promise<ImportStackResult> {
  const lock = {
    backend: input.backend,
    lock: input.lock,
    timeoutMs: input.lockTimeoutMs,
    operation: 'import',
    version: input.version,
  };
  return withStateLock(lock, async () => {
    // Always read: a shared backend's compare-and-swap replaces exactly the state seen here.
    const prior = await input.backend.read();
    if (!input.force && prior !== null) {
      throw new LeaseholdError({
        code: 'import/state-exists',
        summary: 'State already exists',
        detail: `Stack "${input.stack}" already has a state at ${input.backend.location}; import would replace it.`,
        hint: 'Run `leasehold refresh` to reconcile it with the chain, or pass --force to rebuild it.',
      });
    }
    const res = await input.session.importStack({ stack: input.stack });
    const state: StackState = {
      ...res.state,
      lineage: input.lineage ?? randomUUID(),
      secretSalt: newSecretSalt(),
      serial: 1,
    };
    const adopted = res.drift.filter((d) => d.kind === 'adopted');
    if (hasErrors(res.diagnostics))
      return { state, adopted, diagnostics: res.diagnostics, written: false };
    await input.backend.write(state);
    return { state, adopted, diagnostics: res.diagnostics, written: true };
  });
}
