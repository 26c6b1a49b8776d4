import { warningDiag } from '../diag/index.js';
import type { Diagnostic } from '../diag/index.js';
import { activityWho } from './activity-who.js';
import type { ActivityEntry, StateBackend } from './state-types.js';

/** An entry without the fields the log fills in itself. */
export type ActivityInput = Omit<ActivityEntry, 'at' | 'who' | 'stack'> & {
  readonly stack: string;
};

/**
 * Appends an entry to the backend's activity log (who from user@host or GITHUB_*). The log is a
 * record, not a gate: a failure to write it is a warning, never a failed apply.
 */
export async function logActivity(opts: {
  readonly backend: StateBackend;
  readonly entry: ActivityInput;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: Date;
}): Promise<Diagnostic | null> {
  if (opts.backend.appendActivity === undefined) return null;
  const entry: ActivityEntry = {
    at: opts.now.toISOString(),
    who: activityWho(opts.env),
    ...opts.entry,
  };
  try {
    await opts.backend.appendActivity(entry);
    return null;
  } catch (err) {
    return warningDiag({
      code: 'state/activity-not-logged',
      summary: 'Activity log entry not written',
      detail: `${opts.backend.location}: ${err instanceof Error ? err.message : String(err)}. The operation itself is unaffected.`,
      hint: 'Check the backend; `leasehold activity` will miss this entry.',
    });
  }
}

/** Whether an entry touched `address` (a resource, or one of its slots). */
export function touches(entry: ActivityEntry, address: string): boolean {
  return entry.resources.some(
    (r) => r === address || r.startsWith(`${address}[`) || address.startsWith(`${r}[`),
  );
}
