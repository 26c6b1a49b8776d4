/** One provider's reason for not bidding on an order, as its daemon reported it. */
export interface Refusal {
  readonly provider: string;
  /** One or more unmet constraints separated by `;`, e.g. `region=ap-south; gpu model h200`. */
  readonly reason: string;
}

/** Inputs of {@link aggregateRefusals}. */
export interface AggregateRefusalsInput {
  readonly refusals: readonly Refusal[];
  /** How many providers the devnet runs: the denominator of each constraint. */
  readonly providerCount: number;
  /** Providers that did bid (over the max price); they are not counted as silent. */
  readonly bidders?: readonly string[] | undefined;
}

/**
 * Turns per-provider refusals into one line that says which constraint no provider met, e.g.
 * `no provider met: region=ap-south (0/5), gpu model h200 (0/5)`. Each constraint counts a
 * provider once; the least-met constraints come first, since they are the ones to relax.
 */
export function aggregateRefusals(input: AggregateRefusalsInput): string {
  const refusedBy = new Map<string, Set<string>>();
  const reporters = new Set<string>(input.bidders ?? []);
  for (const r of input.refusals) {
    reporters.add(r.provider);
    for (const part of r.reason.split(';')) {
      const constraint = part.trim();
      if (constraint === '') continue;
      const set = refusedBy.get(constraint) ?? new Set<string>();
      set.add(r.provider);
      refusedBy.set(constraint, set);
    }
  }
  const n = input.providerCount;
  const counted = [...refusedBy].map(([constraint, set]) => ({
    constraint,
    met: Math.max(0, n - set.size),
  }));
  counted.sort((a, b) => a.met - b.met || a.constraint.localeCompare(b.constraint));
  const silent = Math.max(0, n - reporters.size);
  const parts = counted.map((c) => `${c.constraint} (${c.met}/${n})`);
  if (silent > 0) parts.push(`${silent}/${n} gave no reason`);
  if (counted.length === 0)
    return silent > 0 ? `no provider bid: ${silent}/${n} gave no reason` : 'every provider bid';
  return `no provider met: ${parts.join(', ')}`;
}
