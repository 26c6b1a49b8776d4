// Judgements made of leader contenders' event lines (leader-contender.ts): who leads by its own
// account, how many of its own bids a successor needed after the leader died, and whether two
// ever led at once. Pure: the integration test and the bench feed it what the processes printed.
import type { ContenderEvent } from './leader-contender.js';

/** A contender's name and the events it printed, oldest first. */
export interface ContenderLog {
  readonly name: string;
  readonly events: readonly ContenderEvent[];
}

/** The lock id a contender holds now by its own account (won, and no failed alive since), or null. */
export function leadingId(c: ContenderLog): string | null {
  let id: string | null = null;
  for (const e of c.events) {
    if (e.ev === 'bid' && e.acquired) id = e.id;
    if (e.ev === 'alive' && !e.ok) id = null;
  }
  return id;
}

/** Bids a contender has made so far. */
export function bidsSoFar(c: ContenderLog): number {
  return c.events.filter((e) => e.ev === 'bid').length;
}

/** A won bid after `snapshot` (bids per contender when the leader was seen dead), if any. */
export function takeover(
  contenders: readonly ContenderLog[],
  snapshot: ReadonlyMap<string, number>,
): { readonly name: string; readonly bidsAfterKill: number; readonly id: string } | null {
  for (const c of contenders) {
    const from = snapshot.get(c.name);
    if (from === undefined) continue;
    const win = c.events.find((e) => e.ev === 'bid' && e.acquired && e.n > from);
    if (win !== undefined && win.ev === 'bid')
      return { name: c.name, bidsAfterKill: win.n - from, id: win.id };
  }
  return null;
}

/**
 * Pairs of contenders that led at once. One leads from the end of its winning bid; a successor's
 * term starts at its winning bid. An `alive` check that said yes and *started* after another
 * contender's later term had begun (its winning bid returned) proves two leaders at once: the
 * server answered both, one after the other. Only the order of events on one host's clock is
 * used, never a duration.
 */
export function overlappingLeaders(contenders: readonly ContenderLog[]): string[] {
  const terms = contenders.flatMap((c) =>
    c.events.flatMap((e) =>
      e.ev === 'bid' && e.acquired
        ? [{ name: c.name, id: e.id, start: e.before, won: e.after }]
        : [],
    ),
  );
  const found: string[] = [];
  for (const c of contenders)
    for (const e of c.events) {
      if (e.ev !== 'alive' || !e.ok) continue;
      const mine = terms.find((t) => t.id === e.id);
      if (mine === undefined) continue;
      for (const t of terms)
        if (t.name !== c.name && t.start > mine.won && e.before > t.won)
          found.push(
            `${c.name} (${e.id}) still alive at ${e.before} after ${t.name} won at ${t.won}`,
          );
    }
  return found;
}
