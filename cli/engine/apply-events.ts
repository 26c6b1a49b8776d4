import type { Diagnostics } from '../diag/index.js';
import type { Action } from '../plan/plan-types.js';
import type { ApplyEvent } from '../provider-api.js';

/** The executor's own events around each slot, beside the provider's ApplyEvents. */
export type SlotEvent = { readonly address: string; readonly at: string } & (
  | { readonly type: 'slot-started'; readonly action: Action }
  | { readonly type: 'slot-done'; readonly action: Action }
  | {
      readonly type: 'slot-failed';
      readonly action: Action;
      readonly diagnostics: Diagnostics;
    }
);

/** Everything apply reports while it runs (rendered as a TTY list, plain lines or JSON lines). */
export type ApplyProgressEvent = ApplyEvent | SlotEvent;

/** What became of one planned change. */
export interface SlotOutcome {
  readonly address: string;
  readonly action: Action;
  /** `not-started`: skipped after an interrupt, or because something it needs failed. */
  readonly status: 'done' | 'failed' | 'not-started';
  readonly diagnostics: Diagnostics;
}

/** Counts of an apply, as the summary line prints them. */
export interface ApplyCounts {
  readonly added: number;
  readonly changed: number;
  readonly destroyed: number;
  readonly failed: number;
  readonly notStarted: number;
}

/** Tallies outcomes the way Terraform's "Apply complete!" line does. */
export function countOutcomes(outcomes: readonly SlotOutcome[]): ApplyCounts {
  const done = outcomes.filter((o) => o.status === 'done');
  const replace = (a: Action): boolean => a === 'create-then-delete' || a === 'delete-then-create';
  return {
    added: done.filter((o) => o.action === 'create' || replace(o.action)).length,
    changed: done.filter((o) => o.action === 'update').length,
    destroyed: done.filter((o) => o.action === 'delete' || replace(o.action)).length,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    notStarted: outcomes.filter((o) => o.status === 'not-started').length,
  };
}
