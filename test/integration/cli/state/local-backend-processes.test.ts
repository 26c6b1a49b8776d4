import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { lockWho } from '../../../../cli/state/lock-holder.js';
import { createLocalBackend } from '../../../../cli/state/local-backend.js';
import { parseState } from '../../../../cli/state/parse-state.js';
import { StateLockedError } from '../../../../cli/state/state-errors.js';
import { sampleState } from '../../../unit/cli/state/state-fixtures.js';

// Real processes against one state directory: the guarantees that matter (one lock winner, no
// torn file after a crash) only show across processes. Children run the compiled backend, which
// `npm test` builds before the unit tests.
const root = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const compiled = join(root, 'dist/cli/state/index.js');

function child(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--input-type=module', '-e', script, compiled, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function firstLine(p: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    p.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    p.on('close', () => reject(new Error(`child exited before printing: ${out}`)));
  });
}

const exited = (p: ChildProcess) => new Promise((r) => p.on('close', r));
const exitedOrGone = (p: ChildProcess): Promise<unknown> =>
  p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : exited(p);

const LOCK_ONCE = `
const [mod, dir, hold] = process.argv.slice(1);
const { createLocalBackend, lockWho } = await import(mod);
const b = createLocalBackend({ dir, stack: 'shop' });
try {
  const l = await b.acquireLock({ operation: 'apply', who: lockWho(), version: 't' }, 0);
  console.log(JSON.stringify({ won: true, id: l.id }));
  // A winner that exited would free its lock (a dead holder's lock is taken over): it stays alive
  // until the test closes its stdin, which the test does once every other process has answered.
  if (hold === 'hold') await new Promise((r) => process.stdin.on('end', r).resume());
} catch (e) { console.log(JSON.stringify({ won: false, code: e.code })); }
process.stdin.destroy();
`;

const WRITE_LOOP = `
const [mod, dir, stateJson] = process.argv.slice(1);
const { createLocalBackend } = await import(mod);
const b = createLocalBackend({ dir, stack: 'shop' });
const base = JSON.parse(stateJson);
const pad = 'x'.repeat(256 * 1024);
for (let i = 1; ; i++) {
  await b.write({ ...base, serial: i, resources: base.resources.map((r) => ({ ...r, attributes: { pad, i } })) });
  if (i === 1) console.log('writing');
}
`;

describe('local backend across processes', () => {
  it('GIVEN the compiled backend THEN it exists (run npm run build first)', () => {
    expect(existsSync(compiled)).toBe(true);
  });

  it('GIVEN five processes racing for the lock WHEN they start together THEN exactly one wins, each round', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = await mkdtemp(join(tmpdir(), 'lh-race-'));
      const racers = Array.from({ length: 5 }, () => child(LOCK_ONCE, [dir, 'hold']));
      try {
        // Every racer answers once; the winner then holds until released, however slow the others.
        const lines = await Promise.all(racers.map(firstLine));
        const results = lines.map((o) => JSON.parse(o) as { won: boolean; code?: string });
        expect(results.filter((r) => r.won)).toHaveLength(1);
        expect(results.filter((r) => !r.won).every((r) => r.code === 'state/locked')).toBe(true);
      } finally {
        racers.forEach((r) => r.stdin?.end());
        await Promise.all(racers.map(exitedOrGone));
      }
    }
  });

  it('GIVEN another process holds the lock WHEN we lock THEN it fails fast naming that pid; once it is killed (kill -9), the next lock takes it over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-hold-'));
    const holder = child(LOCK_ONCE, [dir, 'hold']);
    try {
      const { id } = JSON.parse(await firstLine(holder)) as { id: string };
      const backend = createLocalBackend({ dir, stack: 'shop' });
      const op = { operation: 'plan', who: lockWho(), version: 't' };
      const err = (await backend.acquireLock(op, 0).catch((e: unknown) => e)) as StateLockedError;
      expect(err).toBeInstanceOf(StateLockedError);
      expect(err.detail).toContain(`(pid ${holder.pid ?? -1})`);
      expect(err.detail).toContain(id);
      expect(err.detail).not.toContain('stale');
      holder.kill('SIGKILL');
      await exited(holder);
      const mine = await backend.acquireLock(op, 0);
      expect(mine.id).not.toBe(id);
      expect((await backend.readLock())?.id).toBe(mine.id);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('GIVEN a process killed at random moments of a write loop WHEN the file is read after each kill THEN state and backup always parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lh-crash-'));
    const backend = createLocalBackend({ dir, stack: 'shop' });
    const serials: number[] = [];
    for (let round = 0; round < 6; round++) {
      const writer = child(WRITE_LOOP, [dir, JSON.stringify(sampleState())]);
      await firstLine(writer);
      await new Promise((r) => setTimeout(r, 5 + round * 7));
      writer.kill('SIGKILL');
      await exited(writer);
      const state = await backend.read();
      serials.push(state?.serial ?? -1);
      const backup = await readFile(`${backend.location}.backup`, 'utf8').catch(() => null);
      if (backup !== null)
        expect(parseState(backup, { file: 'backup', stack: 'shop' }).stack).toBe('shop');
    }
    expect(serials.every((s) => s >= 1)).toBe(true);
  });
});
