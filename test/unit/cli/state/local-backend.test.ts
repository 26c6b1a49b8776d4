import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createLocalBackend, localStatePaths } from '../../../../cli/state/local-backend.js';
import type { BackendClock } from '../../../../cli/state/local-backend.js';
import { steppingClock } from '../../../support/fake-clocks.js';
import { lockWaitLine } from '../../../../cli/state/lock-wait-line.js';
import {
  StateCorruptError,
  StateLockedError,
  StateLockMismatchError,
  StateVersionError,
  StateWrongStackError,
} from '../../../../cli/state/state-errors.js';
import { sampleState } from './state-fixtures.js';

const tmp = () => mkdtemp(join(tmpdir(), 'leasehold-state-'));
const holder = { operation: 'plan', who: 'ana@box (pid 1)', version: '0.1.0' };

describe('createLocalBackend — read and write', () => {
  it('GIVEN no state file WHEN read THEN null, and the default path is .leasehold/<stack>.state.json', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    expect(await backend.read()).toBeNull();
    expect(backend.location).toBe(join(dir, '.leasehold', 'shop.state.json'));
  });

  it('GIVEN a state WHEN written and read back THEN it is equal, and the file is pretty JSON', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    await backend.write(sampleState());
    expect(await backend.read()).toEqual(sampleState());
    expect(await readFile(backend.location, 'utf8')).toMatch(/^{\n {2}"formatVersion": 1,/);
  });

  it('GIVEN an existing state WHEN a new one is written THEN the previous one is kept as .backup and no temp file is left', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    await backend.write(sampleState({ serial: 1 }));
    await backend.write(sampleState({ serial: 2 }));
    const backup = JSON.parse(await readFile(`${backend.location}.backup`, 'utf8')) as {
      serial: number;
    };
    expect(backup.serial).toBe(1);
    expect((await backend.read())?.serial).toBe(2);
    expect((await readdir(join(dir, '.leasehold'))).sort()).toEqual([
      'shop.state.json',
      'shop.state.json.backup',
    ]);
  });

  it('GIVEN --state PATH WHEN paths are computed THEN state, backup and lock sit at that path', () => {
    expect(localStatePaths({ dir: '/x', stack: 'shop', statePath: '/s/prod.state.json' })).toEqual({
      state: '/s/prod.state.json',
      backup: '/s/prod.state.json.backup',
      lock: '/s/prod.lock.json',
      activity: '/s/prod.activity.jsonl',
    });
    expect(localStatePaths({ dir: '/x', stack: 'shop' }).lock).toBe('/x/.leasehold/shop.lock.json');
  });

  it('GIVEN a state file that is not JSON WHEN read THEN StateCorruptError at the root, file untouched', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    await backend.write(sampleState());
    await writeFile(backend.location, '{"formatVersion": 1, "stack": ');
    const err = await backend.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateCorruptError);
    expect((err as StateCorruptError).code).toBe('state/corrupt');
    expect((err as StateCorruptError).jsonPath).toBe('');
    expect(await readFile(backend.location, 'utf8')).toBe('{"formatVersion": 1, "stack": ');
  });

  it('GIVEN a lease with a non-numeric order id WHEN read THEN StateCorruptError names its JSON path', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    const bad = JSON.parse(JSON.stringify(sampleState())) as {
      resources: { leases: { orderId: string }[] }[];
    };
    const slot = bad.resources[1]?.leases[1];
    if (slot === undefined) throw new Error('fixture changed');
    slot.orderId = 'eight';
    await backend.write(sampleState());
    await writeFile(backend.location, JSON.stringify(bad));
    const err = (await backend.read().catch((e: unknown) => e)) as StateCorruptError;
    expect(err.jsonPath).toBe('/resources/1/leases/1/orderId');
    expect(err.detail).toContain('/resources/1/leases/1/orderId');
    expect(err.hint).toContain('leasehold import');
  });

  it('GIVEN a state of another stack WHEN read THEN StateWrongStackError naming both stacks', async () => {
    const dir = await tmp();
    await createLocalBackend({ dir, stack: 'shop', clock: steppingClock() }).write(sampleState());
    const other = createLocalBackend({
      dir,
      stack: 'blog',
      statePath: join(dir, '.leasehold', 'shop.state.json'),
    });
    const err = (await other.read().catch((e: unknown) => e)) as StateWrongStackError;
    expect(err).toBeInstanceOf(StateWrongStackError);
    expect(err.code).toBe('state/wrong-stack');
    expect(err.detail).toMatch(/"shop".*"blog"/);
  });

  it('GIVEN a state of a future format WHEN read THEN StateVersionError, not corrupt', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    await backend.write(sampleState());
    await writeFile(backend.location, JSON.stringify({ ...sampleState(), formatVersion: 2 }));
    const err = (await backend.read().catch((e: unknown) => e)) as StateVersionError;
    expect(err).toBeInstanceOf(StateVersionError);
    expect(err.code).toBe('state/unsupported-version');
  });

  it('GIVEN an invalid state or one of another stack WHEN written THEN it is refused and the file stays', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    await backend.write(sampleState({ serial: 5 }));
    await expect(backend.write(sampleState({ serial: -1 }))).rejects.toThrow(/serial/);
    await expect(backend.write(sampleState({ stack: 'blog' }))).rejects.toBeInstanceOf(
      StateWrongStackError,
    );
    expect((await backend.read())?.serial).toBe(5);
  });
});

describe('createLocalBackend — locks', () => {
  it('GIVEN a free state WHEN locked THEN the lock file holds the LockInfo and release removes it', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    const lock = await backend.acquireLock(holder, 0);
    expect(lock).toMatchObject({ ...holder, path: backend.location });
    expect(lock.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await backend.readLock()).toEqual(lock);
    await backend.releaseLock(lock.id);
    expect(await backend.readLock()).toBeNull();
  });

  it('GIVEN a lock held by one backend WHEN a second backend locks with timeout 0 THEN StateLockedError names the holder at once', async () => {
    const dir = await tmp();
    const first = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    const clock = steppingClock();
    const second = createLocalBackend({ dir, stack: 'shop', clock });
    const held = await first.acquireLock(holder, 0);
    const err = (await second
      .acquireLock({ ...holder, who: 'bo@box (pid 2)' }, 0)
      .catch((e: unknown) => e)) as StateLockedError;
    expect(err).toBeInstanceOf(StateLockedError);
    expect(err.code).toBe('state/locked');
    for (const part of [held.id, 'ana@box (pid 1)', '"plan"', held.created])
      expect(err.detail).toContain(part);
    expect(err.hint).toContain(`leasehold state unlock ${held.id}`);
    expect(clock.sleeps).toEqual([]);
  });

  it('GIVEN a held lock WHEN another waits with a 5 s timeout THEN it backs off 100 ms doubling to 2 s, then fails', async () => {
    const dir = await tmp();
    await createLocalBackend({ dir, stack: 'shop', clock: steppingClock() }).acquireLock(holder, 0);
    const clock = steppingClock();
    const waiter = createLocalBackend({ dir, stack: 'shop', clock });
    const err = await waiter.acquireLock(holder, 5000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateLockedError);
    expect(clock.sleeps).toEqual([100, 200, 400, 800, 1600, 1900]);
    expect((err as StateLockedError).detail).toContain('waited 5000 ms');
  });

  it('GIVEN a held lock WHEN it is released while another waits THEN the waiter gets the lock', async () => {
    const dir = await tmp();
    const first = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    const held = await first.acquireLock(holder, 0);
    let t = 0;
    const clock: BackendClock = {
      now: () => t,
      sleep: async (ms) => {
        t += ms;
        if (t >= 300) await first.releaseLock(held.id);
      },
    };
    const waits: string[] = [];
    const got = await createLocalBackend({
      dir,
      stack: 'shop',
      clock,
      onLockWait: (h, timeoutMs) => waits.push(lockWaitLine(h, timeoutMs)),
    }).acquireLock({ ...holder, operation: 'apply' }, 10_000);
    expect(got.operation).toBe('apply');
    expect(got.id).not.toBe(held.id);
    // Said once, not once per retry: who holds it, for what, and how long this one waits.
    expect(waits).toEqual([
      `Waiting for the state lock, held by ana@box (pid 1) for "plan" since ${held.created} (up to 10s)…`,
    ]);
  });

  it('GIVEN a lock WHEN released or force-unlocked with another id THEN it stays', async () => {
    const dir = await tmp();
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    const held = await backend.acquireLock(holder, 0);
    await backend.releaseLock('not-mine');
    expect((await backend.readLock())?.id).toBe(held.id);
    const err = (await backend.forceUnlock('wrong').catch((e: unknown) => e)) as Error & {
      code: string;
    };
    expect(err).toBeInstanceOf(StateLockMismatchError);
    expect(err.code).toBe('state/lock-id-mismatch');
    expect((await backend.readLock())?.id).toBe(held.id);
    await backend.forceUnlock(held.id);
    expect(await backend.readLock()).toBeNull();
  });

  it('GIVEN no lock WHEN force-unlocked THEN state/not-locked', async () => {
    const backend = createLocalBackend({ dir: await tmp(), stack: 'shop', clock: steppingClock() });
    await expect(backend.forceUnlock('x')).rejects.toMatchObject({ code: 'state/not-locked' });
  });

  it('GIVEN a lock whose holder pid is dead on this host WHEN contended THEN it is taken over; a live holder still blocks', async () => {
    const dir = await tmp();
    const { hostname } = await import('node:os');
    const backend = createLocalBackend({ dir, stack: 'shop', clock: steppingClock() });
    // pid 2^22+1 is above Linux's pid_max ceiling, so no process has it.
    const dead = await backend.acquireLock(
      { ...holder, who: `ana@${hostname()} (pid 4194305)` },
      0,
    );
    const mine = await backend.acquireLock(holder, 0);
    expect(mine.id).not.toBe(dead.id);
    expect((await backend.readLock())?.id).toBe(mine.id);
    const live = createLocalBackend({ dir: await tmp(), stack: 'shop', clock: steppingClock() });
    await live.acquireLock({ ...holder, who: `ana@${hostname()} (pid ${process.pid})` }, 0);
    const err2 = (await live.acquireLock(holder, 0).catch((e: unknown) => e)) as StateLockedError;
    expect(err2.code).toBe('state/locked');
    expect(err2.detail).not.toContain('stale');
  });

  it('GIVEN a dead holder on ANOTHER host WHEN contended THEN the lock is kept (never guessed away)', async () => {
    const backend = createLocalBackend({ dir: await tmp(), stack: 'shop', clock: steppingClock() });
    const other = await backend.acquireLock(
      { ...holder, who: 'ana@some-other-host (pid 4194305)' },
      0,
    );
    const err = (await backend.acquireLock(holder, 0).catch((e: unknown) => e)) as StateLockedError;
    expect(err.code).toBe('state/locked');
    expect((await backend.readLock())?.id).toBe(other.id);
  });
});
