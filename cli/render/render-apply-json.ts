import type { Diagnostics } from '../diag/index.js';
import { countOutcomes } from '../engine/apply-events.js';
import type { ApplyCounts, ApplyProgressEvent, SlotOutcome } from '../engine/apply-events.js';
import type { ApplyStatus } from '../engine/apply-stack.js';
import type { OutputState } from '../state/state-types.js';

/** An output as it may leave the process: sensitive values masked. */
export interface MaskedOutput {
  readonly value: string | null;
  readonly sensitive: boolean;
}

/**
 * The last JSON line of `apply --json` and what `apply`/`destroy` return
 * (schemas/cli/apply.schema.json).
 */
export interface ApplySummaryLine {
  readonly type: 'summary';
  readonly status: ApplyStatus;
  readonly counts: ApplyCounts;
  readonly outcomes: readonly SlotOutcome[];
  readonly outputs: Readonly<Record<string, MaskedOutput>>;
  readonly diagnostics: Diagnostics;
}

/** One event as one JSON line (no trailing newline; schemas/cli/apply-event.schema.json). */
export function renderApplyEventJson(e: ApplyProgressEvent): string {
  return JSON.stringify(e);
}

/** Outputs with sensitive values replaced, for any text that leaves the process. */
export function maskOutputs(
  outputs: Readonly<Record<string, OutputState>>,
): Record<string, MaskedOutput> {
  return Object.fromEntries(
    Object.entries(outputs).map(([k, o]) => [
      k,
      {
        value: o.sensitive && o.value !== null ? '(sensitive value)' : o.value,
        sensitive: o.sensitive,
      },
    ]),
  );
}

/** The summary object of a finished apply. */
export function toApplySummaryLine(res: {
  readonly status: ApplyStatus;
  readonly outcomes: readonly SlotOutcome[];
  readonly outputs: Readonly<Record<string, OutputState>>;
  readonly diagnostics: Diagnostics;
}): ApplySummaryLine {
  return {
    type: 'summary',
    status: res.status,
    counts: countOutcomes(res.outcomes),
    outcomes: res.outcomes,
    outputs: maskOutputs(res.outputs),
    diagnostics: res.diagnostics,
  };
}
