// One controller contending for the pg leader lock of a stack, as `leasehold autoscale` does
// (acquireLeadership over the pg backend's tryLeader, the alive() check before each cycle), in a
// process of its own so a test or the bench can kill -9 it. Prints one JSON line per event:
//   {"ev":"bid","n":3,"acquired":false,"holder":"<lock id>","before":…,"after":…}
//   {"ev":"alive","ok":true,"id":"<lock id>","before":…,"after":…}
// `n` counts this contender's bids, so takeover is judged in intervals it lived through, whatever
// the machine's load. Usage: node leader-contender.js <stack> <intervalMs>, LEASEHOLD_PG_URL set.
import { acquireLeadership } from '../cli/engine/autoscale-leadership.js';
import { createStateBackend } from '../cli/state/create-state-backend.js';
import type { LeaderAttempt, StateBackend } from '../cli/state/state-types.js';

/** A line the contender prints. */
export type ContenderEvent =
  | {
      readonly ev: 'bid';
      readonly n: number;
      readonly acquired: boolean;
      /** The lock id won, or the holder's lock id seen. */
      readonly id: string;
      readonly before: number;
      readonly after: number;
    }
  | {
      readonly ev: 'alive';
      readonly ok: boolean;
      readonly id: string;
      readonly before: number;
      readonly after: number;
    };

const say = (e: ContenderEvent): void => {
  process.stdout.write(`${JSON.stringify(e)}\n`);
};

const sleep = (ms: number): Promise<true> => new Promise((r) => setTimeout(() => r(true), ms));

async function main(stack: string, intervalMs: number): Promise<never> {
  const backend = await createStateBackend({
    config: { type: 'pg', schema: 'leasehold', keep: 100 },
    dir: '.',
    stack,
    env: process.env,
  });
  const tryLeader = backend.tryLeader;
  if (tryLeader === undefined) throw new Error('the backend elects no leader');
  let n = 0;
  let won = '';
  // The backend as the controller sees it, each bid recorded on the way.
  const counted: StateBackend = Object.create(backend) as StateBackend;
  Object.assign(counted, {
    async tryLeader(info: Parameters<typeof tryLeader>[0]): Promise<LeaderAttempt> {
      const before = Date.now();
      const r = await tryLeader.call(backend, info);
      n += 1;
      won = r.acquired ? r.lock.id : won;
      say({
        ev: 'bid',
        n,
        acquired: r.acquired,
        id: r.acquired ? r.lock.id : r.holder.id,
        before,
        after: Date.now(),
      });
      return r;
    },
  });
  const stop = new AbortController().signal;
  for (;;) {
    const lead = await acquireLeadership({
      backend: counted,
      stack,
      leaderPath: '/nonexistent',
      version: 'contender',
      once: false,
      intervalMs,
      stop,
      onLine: () => undefined,
      sleep: (ms) => sleep(ms),
    });
    if (lead === null) continue;
    // A cycle each interval, never acting without the leadership (as runAutoscale's cycles).
    for (;;) {
      const before = Date.now();
      const ok = await lead.alive();
      say({ ev: 'alive', ok, id: won, before, after: Date.now() });
      if (!ok) break;
      await sleep(intervalMs);
    }
    await lead.release();
  }
}

const [stack, interval] = process.argv.slice(2);
if (stack !== undefined) await main(stack, Number(interval ?? 1000));
