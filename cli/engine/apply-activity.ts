import { countChanges } from '../plan/count-changes.js';
import type { Plan } from '../plan/plan-types.js';
import type { ActivityInput } from '../state/activity.js';
import type { SlotOutcome } from './apply-events.js';

/** The activity entry of an apply or destroy (pure): plan summary, slots touched, txs, cost. */
export function applyActivity(opts: {
  readonly command: 'apply' | 'destroy';
  readonly stack: string;
  readonly status: string;
  readonly plan: Plan | null;
  readonly outcomes: readonly SlotOutcome[];
  readonly txHashes: readonly string[];
  readonly serial: number | null;
}): ActivityInput {
  const counts = countChanges(opts.plan?.changes ?? []);
  const cost = opts.plan?.cost[0];
  const delta =
    cost === undefined
      ? undefined
      : (BigInt(cost.perHourAfter) - BigInt(cost.perHourBefore)).toString();
  return {
    stack: opts.stack,
    command: opts.command,
    summary: `${opts.status}: ${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy`,
    resources: opts.outcomes.filter((o) => o.status !== 'not-started').map((o) => o.address),
    txHashes: opts.txHashes,
    ...(delta === undefined || cost === undefined
      ? {}
      : { costDeltaPerHour: delta, token: cost.token }),
    ...(opts.serial === null ? {} : { serial: opts.serial }),
  };
}
