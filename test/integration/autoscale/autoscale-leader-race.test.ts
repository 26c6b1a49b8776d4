import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, jest } from '@jest/globals';

// Two real controller processes race for the leader lock of a controller that died (its pid names
// no process on this host), twenty times: exactly one may lead each round. Children run the
// compiled leader module (`npm run build` first), start together at a shared instant, and the
// winner stays alive until both have answered — a winner that exited would be a dead holder the
// loser may rightly take over. Two rounds in three, one contender's file removals stall (a process
// descheduled between its check and its act on a busy machine, made reproducible): without a guard
// that contender removes the lock the other has just taken, and both lead.
jest.setTimeout(300_000);

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const compiled = join(root, 'dist/cli/engine/autoscale-leader.js');
const ROUNDS = 20;
// Generous for a busy 2-core machine: node start-up plus the import, or one lock try.
const DEADLINE_MS = 60_000;

const CONTENDER = `
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { createInterface } from 'node:readline';
const [mod, path, statePath, stall] = process.argv.slice(1);
if (Number(stall) > 0) {
  const unlink = fsp.unlink;
  fsp.unlink = async (p) => (await new Promise((r) => setTimeout(r, Number(stall))), unlink(p));
  syncBuiltinESMExports();
}
const { tryLeaderLock } = await import(mod);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
const goAt = Number((await lines.next()).value);
while (Date.now() < goAt); // spin: both contenders start within a tick of each other
const r = await tryLeaderLock({ path, statePath, version: 'race' });
console.log(JSON.stringify(r.acquired ? { led: true, id: r.lock.info.id } : { led: false, holder: r.holder.id }));
await lines.next(); // stdin closed by the test: exit (a leader stays alive until then)
process.exit(0);
`;

interface Contender {
  readonly proc: ChildProcess;
  readonly next: () => Promise<string>;
}

function contender(path: string, statePath: string, stallMs: number): Contender {
  const args = ['--input-type=module', '-e', CONTENDER, compiled, path, statePath, `${stallMs}`];
  const proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('contender did not answer in time')), DEADLINE_MS);
    });
    try {
      const r = await Promise.race([lines.next(), late]);
      if (r.done === true) throw new Error(`contender ${proc.pid ?? '?'} exited early`);
      return r.value;
    } finally {
      clearTimeout(timer);
    }
  };
  return { proc, next };
}

const exited = (p: ChildProcess): Promise<unknown> =>
  p.exitCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', r));

const isDead = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: unknown }).code === 'ESRCH';
  }
};

/** A pid that names no process on this host: one of a child that has exited. */
async function deadPid(): Promise<number> {
  for (;;) {
    const p = spawn(process.execPath, ['-e', '']);
    await exited(p);
    if (p.pid !== undefined && isDead(p.pid)) return p.pid;
  }
}

// Per round, the stall (ms) of each contender's unlink: none, the second's, the first's.
const STALLS = [
  [0, 0],
  [0, 150],
  [150, 0],
] as const;

describe('leader lock takeover across processes', () => {
  beforeAll(() => {
    expect(existsSync(compiled)).toBe(true);
  });

  it(`GIVEN a dead leader's lock WHEN two controllers race for it, ${ROUNDS} rounds THEN exactly one leads each round and the other sees it as the holder`, async () => {
    const outcomes: string[] = [];
    let pid = await deadPid();
    for (let round = 0; round < ROUNDS; round += 1) {
      if (!isDead(pid)) pid = await deadPid();
      const dir = mkdtempSync(join(tmpdir(), 'lh-leader-race-'));
      const path = join(dir, 'web.leader.json');
      const statePath = join(dir, 'web.state.json');
      const dead = {
        id: `dead-${round}`,
        operation: 'autoscale',
        who: `ci@${hostname()} (pid ${pid})`,
        version: '0',
        created: new Date().toISOString(),
        path: statePath,
      };
      writeFileSync(path, JSON.stringify(dead));
      const stalls = STALLS[round % STALLS.length] ?? [0, 0];
      const pair = stalls.map((ms) => contender(path, statePath, ms));
      try {
        for (const c of pair) expect(await c.next()).toBe('ready');
        const goAt = Date.now() + 200;
        for (const c of pair) c.proc.stdin?.write(`${goAt}\n`);
        const results = await Promise.all(
          pair.map(
            async (c) =>
              JSON.parse(await c.next()) as { led: boolean; id?: string; holder?: string },
          ),
        );
        const leaders = results.filter((r) => r.led);
        outcomes.push(results.map((r) => (r.led ? 'L' : '-')).join(''));
        expect(leaders).toHaveLength(1);
        const held = JSON.parse(readFileSync(path, 'utf8')) as { id: string };
        expect(held.id).toBe(leaders[0]?.id);
        expect(results.find((r) => !r.led)?.holder).toBe(leaders[0]?.id);
        expect(existsSync(`${path}.takeover`)).toBe(false);
      } catch (err) {
        throw new Error(
          `round ${round + 1} (rounds so far: ${outcomes.join(' ')}): ${String(err)}`,
        );
      } finally {
        for (const c of pair) c.proc.stdin?.end();
        await Promise.all(pair.map((c) => exited(c.proc)));
      }
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });
});
