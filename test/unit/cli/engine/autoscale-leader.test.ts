import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  notLeaderError,
  releaseLeaderLock,
  tryLeaderLock,
  waitingLine,
} from '../../../../cli/engine/autoscale-leader.js';
import { readLockFile } from '../../../../cli/state/lock-file.js';
import { lockWho } from '../../../../cli/state/lock-holder.js';
import { steppingClock } from '../../../support/fake-clocks.js';

const paths = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-leader-'));
  return {
    path: join(dir, 'web.leader.json'),
    statePath: join(dir, 'web.state.json'),
    version: '0.1.0',
    clock: steppingClock(),
  };
};

describe('leader lock', () => {
  it('GIVEN a free lock WHEN two controllers try THEN exactly one leads and the other sees it as holder', async () => {
    const p = paths();
    const [a, b] = await Promise.all([tryLeaderLock(p), tryLeaderLock(p)]);
    const won = [a, b].filter((r) => r.acquired);
    expect(won).toHaveLength(1);
    const lost = [a, b].find((r) => !r.acquired);
    const winner = won[0];
    if (lost?.acquired !== false || winner?.acquired !== true) throw new Error('unexpected');
    expect(lost.holder.id).toBe(winner.lock.info.id);
    expect(waitingLine(lost.holder, 'web')).toMatch(
      /^Another controller \(pid \d+ on .+\) leads stack web; waiting…$/,
    );
    expect(notLeaderError(lost.holder, 'web', p.path).code).toBe('autoscale/not-leader');
  });

  it('GIVEN the leader released WHEN another tries THEN it leads', async () => {
    const p = paths();
    const a = await tryLeaderLock(p);
    if (!a.acquired) throw new Error('not acquired');
    await releaseLeaderLock(a.lock);
    expect(await readLockFile(p.path)).toBeNull();
    expect((await tryLeaderLock(p)).acquired).toBe(true);
  });

  it('GIVEN a lock left by a dead process on this host WHEN tried THEN it is taken over', async () => {
    const p = paths();
    const dead = {
      id: 'x',
      operation: 'autoscale',
      who: `u@${(await import('node:os')).hostname()} (pid 999999)`,
      version: '0',
      created: 'then',
      path: p.statePath,
    };
    writeFileSync(p.path, JSON.stringify(dead));
    const r = await tryLeaderLock(p);
    expect(r.acquired).toBe(true);
  });

  it("GIVEN a dead leader's lock that another controller is taking over (it holds the guard) WHEN tried THEN it backs off 100 ms doubling, then reports the holder without touching either file", async () => {
    const p = paths();
    const dead = {
      id: 'x',
      operation: 'autoscale',
      who: `u@${(await import('node:os')).hostname()} (pid 999999)`,
      version: '0',
      created: 'then',
      path: p.statePath,
    };
    const taker = { ...dead, id: 'taker', who: lockWho() };
    writeFileSync(p.path, JSON.stringify(dead));
    writeFileSync(`${p.path}.takeover`, JSON.stringify(taker));
    const r = await tryLeaderLock(p);
    expect(r).toMatchObject({ acquired: false, holder: { id: 'x' } });
    expect(p.clock.sleeps).toEqual([100, 200, 400, 800, 1600]);
    expect((await readLockFile(p.path))?.id).toBe('x');
    expect((await readLockFile(`${p.path}.takeover`))?.id).toBe('taker');
  });

  it('GIVEN a lock held by a live process WHEN tried THEN it is not taken', async () => {
    const p = paths();
    const live = {
      id: 'y',
      operation: 'autoscale',
      who: `u@elsewhere (pid 1)`,
      version: '0',
      created: 'then',
      path: p.statePath,
    };
    writeFileSync(p.path, JSON.stringify(live));
    const r = await tryLeaderLock(p);
    expect(r.acquired).toBe(false);
  });
});
