import type { DriftEntry } from '../plan/plan-types.js';

/** One line per drift entry, for `refresh` and `import` (the plan has its own section). */
export function renderDrift(drift: readonly DriftEntry[]): string[] {
  return drift.map((d) => {
    const lease = d.leaseId === undefined ? '' : ` (lease ${d.leaseId})`;
    return `  ${d.kind.padEnd(14)} ${d.address}${lease}: ${d.detail}`;
  });
}
