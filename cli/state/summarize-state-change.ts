import type { LeaseRecord, StackState } from './state-types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What changed between two states, for `state history`: resources and leases added, removed and
 * changed, outputs, and the journal. Pure; `prev` null is the first version of a lineage.
 */
export function summarizeStateChange(prev: StackState | null, next: StackState): string {
  if (prev === null || prev.lineage !== next.lineage) {
    const leases = next.resources.reduce((n, r) => n + r.leases.length, 0);
    return `new lineage: ${plural(next.resources.length, 'resource')}, ${plural(leases, 'lease')}`;
  }
  const parts: string[] = [];
  const before = new Map(prev.resources.map((r) => [r.address, r]));
  const after = new Map(next.resources.map((r) => [r.address, r]));
  const added = [...after.keys()].filter((a) => !before.has(a)).length;
  const removed = [...before.keys()].filter((a) => !after.has(a)).length;
  if (added > 0) parts.push(`+${plural(added, 'resource')}`);
  if (removed > 0) parts.push(`-${plural(removed, 'resource')}`);
  const leaseKey = (addr: string, l: LeaseRecord): string => `${addr}[${l.key}]`;
  const lb = new Map<string, string>();
  for (const r of prev.resources)
    for (const l of r.leases) lb.set(leaseKey(r.address, l), JSON.stringify(l));
  const la = new Map<string, string>();
  for (const r of next.resources)
    for (const l of r.leases) la.set(leaseKey(r.address, l), JSON.stringify(l));
  const lAdded = [...la.keys()].filter((k) => !lb.has(k)).length;
  const lRemoved = [...lb.keys()].filter((k) => !la.has(k)).length;
  const lChanged = [...la.entries()].filter(([k, v]) => lb.has(k) && lb.get(k) !== v).length;
  if (lAdded > 0) parts.push(`+${plural(lAdded, 'lease')}`);
  if (lRemoved > 0) parts.push(`-${plural(lRemoved, 'lease')}`);
  if (lChanged > 0) parts.push(`${plural(lChanged, 'lease')} changed`);
  const changedRes = [...after.entries()].filter(([a, r]) => {
    const b = before.get(a);
    return b !== undefined && b.modelHash !== r.modelHash;
  }).length;
  if (changedRes > 0) parts.push(`${plural(changedRes, 'resource')} updated`);
  if (JSON.stringify(prev.outputs) !== JSON.stringify(next.outputs)) parts.push('outputs');
  const jd = next.journal.length - prev.journal.length;
  if (jd > 0) parts.push(`+${plural(jd, 'intent')}`);
  if (jd < 0) parts.push(`-${plural(-jd, 'intent')}`);
  return parts.length === 0 ? 'no change' : parts.join(', ');
}
