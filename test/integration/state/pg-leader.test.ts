import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { startContender } from '../../../bench/leader-failover.js';
import type { Contender } from '../../../bench/leader-failover.js';
import { bidsSoFar, leadingId, overlappingLeaders, takeover } from '../../../bench/leader-judge.js';
import { startPgServer } from '../../support/pg-server.js';
import type { PgTestServer } from '../../support/pg-server.js';
import { waitFor } from '../../support/wait-for.js';

// Leader election of the controller on pg, with three contenders as real processes (the compiled
// bench/leader-contender.js: acquireLeadership over the pg backend, alive() before each cycle;
// `node scripts/build.mjs` first) on one database. Takeover is judged in the successor's own
// bids (one per interval), so a loaded machine that stretches intervals cannot fail it; "never two
// at once" is judged by the order of the contenders' events, never by a duration.
jest.setTimeout(120_000);

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const INTERVAL_MS = 1000;
// Generous for a loaded 2-core machine: node start-up, imports, a connection.
const DEADLINE_MS = 60_000;

let pg: PgTestServer;
let running: Contender[] = [];
beforeAll(async () => {
  expect(existsSync(join(root, 'dist/bench/leader-contender.js'))).toBe(true);
  pg = await startPgServer();
}, 120_000);
afterEach(async () => {
  for (const c of running) c.proc.kill('SIGKILL');
  await Promise.all(running.map((c) => c.exited));
  running = [];
});
afterAll(async () => {
  await pg?.close();
});

let db = '';
async function contenders(n: number, stack: string): Promise<Contender[]> {
  db = await pg.createDatabase('leader');
  running = Array.from({ length: n }, (_, i) =>
    startContender({ name: `c${i}`, pgUrl: pg.url(db), stack, intervalMs: INTERVAL_MS }),
  );
  // Everyone has bid at least once: one leads, the others wait.
  await waitFor(
    'every contender to bid',
    () => running.every((c) => bidsSoFar(c) > 0),
    DEADLINE_MS,
  );
  return running;
}

const leader = (cs: readonly Contender[]): Contender | undefined =>
  cs.find((c) => leadingId(c) !== null);

/** Kills the leader with -9, and returns the successor's bids needed after its death was seen. */
async function killLeaderAndJudge(
  cs: Contender[],
): Promise<{ from: string; to: string; bids: number }> {
  const old = await waitFor('a leader', () => leader(cs), DEADLINE_MS);
  old.proc.kill('SIGKILL');
  await old.exited;
  const rest = cs.filter((c) => c !== old);
  const snapshot = new Map(rest.map((c) => [c.name, bidsSoFar(c)]));
  const next = await waitFor('a successor', () => takeover(rest, snapshot), DEADLINE_MS);
  cs.splice(cs.indexOf(old), 1);
  return { from: old.name, to: next.name, bids: next.bidsAfterKill };
}

describe('controller leader election on pg (real processes, real PostgreSQL)', () => {
  it('GIVEN three controllers WHEN the leader is killed with -9, twice THEN another takes over within two of its intervals each time, and never two lead at once', async () => {
    const all = await contenders(3, 'shop');
    const cs = [...all];
    // Exactly one leads while all three are alive.
    expect(all.filter((c) => leadingId(c) !== null)).toHaveLength(1);
    const first = await killLeaderAndJudge(cs);
    const second = await killLeaderAndJudge(cs);
    // The successor won at its first or second bid after the leader died.
    expect(first.bids).toBeLessThanOrEqual(2);
    expect(second.bids).toBeLessThanOrEqual(2);
    expect(second.from).toBe(first.to);
    // The last one leads on (its alive() checks say so), and no moment had two leaders.
    const last = cs[0]!;
    const aliveNow = last.events.filter((e) => e.ev === 'alive').length;
    await waitFor(
      'a cycle of the last leader',
      () => (last.events.filter((e) => e.ev === 'alive').length > aliveNow ? true : null),
      DEADLINE_MS,
    );
    expect(leadingId(last)).not.toBeNull();
    expect(overlappingLeaders(all)).toEqual([]);
  });

  it('GIVEN a leader whose connection is cut (its session terminated) WHEN its next cycle checks THEN it stops leading, one contender leads after it, and never two at once', async () => {
    const all = await contenders(2, 'web');
    const old = await waitFor('a leader', () => leader(all), DEADLINE_MS);
    const oldId = leadingId(old);
    // The leader's session: the one holding the leader advisory lock (objsubid 2) in this database.
    const res = await pg.query(
      db,
      `SELECT pg_terminate_backend(l.pid) AS t FROM pg_locks l
         WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
           AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(res.rowCount).toBe(1);
    // The old leader notices at its next alive() check and stops.
    await waitFor(
      'the old leader to see its leadership gone',
      () => old.events.some((e) => e.ev === 'alive' && !e.ok && e.id === oldId),
      DEADLINE_MS,
    );
    // Someone (possibly the old one, bidding again) leads under a new lock.
    await waitFor(
      'a new term',
      () => all.some((c) => c.events.some((e) => e.ev === 'bid' && e.acquired && e.id !== oldId)),
      DEADLINE_MS,
    );
    expect(overlappingLeaders(all)).toEqual([]);
  });
});
