import type { ActivityEntry } from '../state/state-types.js';

/** `leasehold activity` for people: one block per entry, oldest first (pure). */
export function renderActivity(entries: readonly ActivityEntry[], stack: string): string {
  if (entries.length === 0) return `No activity recorded for stack ${stack}.`;
  return entries
    .map((e) => {
      const lines = [`${e.at}  ${e.who}  ${e.command}`, `  ${e.summary}`];
      if (e.resources.length > 0) lines.push(`  resources: ${e.resources.join(', ')}`);
      if (e.txHashes.length > 0) lines.push(`  transactions: ${e.txHashes.join(', ')}`);
      return lines.join('\n');
    })
    .join('\n');
}
