// Controllers contending for the pg leader lock as real processes (leader-contender.js), and the
// two judgements made of their event lines: how many of its own bids the successor needed after
// the leader was killed, and whether two contenders ever led at once. Shared by the failover
// integration test and the bench.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ContenderEvent } from './leader-contender.js';

/** A running contender and every event it printed so far. */
export interface Contender {
  readonly name: string;
  readonly proc: ChildProcess;
  readonly events: ContenderEvent[];
  readonly exited: Promise<void>;
}

const script = join(dirname(fileURLToPath(import.meta.url)), 'leader-contender.js');

/** Starts a contender process on `pgUrl` for `stack`, bidding each `intervalMs`. */
export function startContender(opts: {
  name: string;
  pgUrl: string;
  stack: string;
  intervalMs: number;
}): Contender {
  const proc = spawn(process.execPath, [script, opts.stack, String(opts.intervalMs)], {
    env: { ...process.env, LEASEHOLD_PG_URL: opts.pgUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: ContenderEvent[] = [];
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    try {
      events.push(JSON.parse(line) as ContenderEvent);
    } catch {
      // Not an event line.
    }
  });
  const exited = new Promise<void>((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) r();
    else proc.once('exit', () => r());
  });
  return { name: opts.name, proc, events, exited };
}

/** The lock id a contender holds now by its own account (won, and no failed alive since), or null. */
export function leadingId(c: Contender): string | null {
  let id: string | null = null;
  for (const e of c.events) {
    if (e.ev === 'bid' && e.acquired) id = e.id;
    if (e.ev === 'alive' && !e.ok) id = null;
  }
  return id;
}

/** Bids a contender has made so far. */
export function bidsSoFar(c: Contender): number {
  return c.events.filter((e) => e.ev === 'bid').length;
}

/** A won bid after `snapshot` (bids per contender when the leader was seen dead), if any. */
export function takeover(
  contenders: readonly Contender[],
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
export function overlappingLeaders(contenders: readonly Contender[]): string[] {
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
