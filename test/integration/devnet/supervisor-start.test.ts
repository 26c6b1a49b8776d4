import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { LeaseholdError } from '../../../cli/diag/index.js';
import { devnetPaths } from '../../../devnet/devnet-home.js';
import { ensureDevnet, startDevnet } from '../../../devnet/ensure-devnet.js';
import { isProcessAlive } from '../../../devnet/supervisor/devnet-info.js';
import { readDevnetStatus } from '../../../devnet/supervisor/read-devnet-status.js';
import { injectFault } from '../../../devnet/supervisor/inject-fault.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { freshHome } from './lifecycle-support.js';
import { waitFor } from '../../support/wait-for.js';

// The project-level testTimeout is ignored under `projects`; chain work needs more than 5 s.
jest.setTimeout(90_000);

// The supervisor as a process: auto-start, one devnet for concurrent callers, a harmless second
// up, the control API, and clean failures. One devnet for the whole file.
const home = freshHome();
const opts = { home, blockTime: 0.25, port: 0, startDelayMs: 100 } as const;

afterAll(async () => {
  await stopDevnet({ home });
});

describe('devnet supervisor', () => {
  let pid = 0;

  it('GIVEN no devnet WHEN two callers ensure it at once THEN one devnet starts, says so once, and both get it', async () => {
    const lines: string[] = [];
    const log = (l: string): void => {
      lines.push(l);
    };
    const [a, b] = await Promise.all([
      ensureDevnet({ ...opts, log }),
      ensureDevnet({ ...opts, log }),
    ]);
    expect(a.pid).toBe(b.pid);
    expect(lines.filter((l) => l === 'Starting the local devnet…')).toHaveLength(1);
    expect(isProcessAlive(a.pid)).toBe(true);
    expect(a.pid).not.toBe(process.pid);
    expect(a.providers.map((p) => p.name)).toHaveLength(5);
    expect(a.devWallet.note).toContain('public test key');
    pid = a.pid;
  });

  it('GIVEN a running devnet WHEN up runs again THEN nothing starts and the same devnet is returned', async () => {
    const lines: string[] = [];
    const res = await startDevnet({ ...opts, log: (l) => lines.push(l) });
    expect(res.started).toBe(false);
    expect(res.info.pid).toBe(pid);
    expect(lines).toEqual([]);
  });

  it('GIVEN a running devnet WHEN status is read THEN it lists 5 providers with hosts on 127.0.0.11-15 and a moving block number', async () => {
    const s1 = await readDevnetStatus({ home });
    if (!s1.running) throw new Error('expected running');
    expect(s1.providers.map((p) => p.hostUri.split(':')[0])).toEqual([
      '127.0.0.11',
      '127.0.0.12',
      '127.0.0.13',
      '127.0.0.14',
      '127.0.0.15',
    ]);
    const moved = await waitFor('a new block', async () => {
      const s2 = await readDevnetStatus({ home });
      return s2.running && s2.blockNumber > s1.blockNumber;
    });
    expect(moved).toBe(true);
  });

  it('GIVEN a fault request WHEN the target or kind is unknown THEN it fails with the devnet code', async () => {
    await expect(
      injectFault({ home, target: 'provider-9', kind: 'offline' }),
    ).rejects.toMatchObject({
      code: 'devnet/unknown-target',
    });
    await expect(injectFault({ home, target: 'provider-1', kind: 'melt' })).rejects.toMatchObject({
      code: 'devnet/unknown-fault',
    });
    await expect(injectFault({ home, target: 'lease:999', kind: 'crash' })).rejects.toMatchObject({
      code: 'devnet/unknown-target',
    });
    await expect(
      injectFault({ home, target: 'provider-2', kind: 'no-bid' }),
    ).resolves.toMatchObject({
      kind: 'no-bid',
      provider: 'atlantic-2',
    });
    await expect(injectFault({ home, target: 'atlantic-2', kind: 'clear' })).resolves.toMatchObject(
      {
        kind: 'clear',
      },
    );
  });

  it('GIVEN the RPC port is taken WHEN another devnet starts there THEN it fails with devnet/port-busy', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const err = await startDevnet({ home: freshHome(), log: () => undefined, port }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(LeaseholdError);
      expect((err as LeaseholdError).toDiagnostics()[0]?.code).toBe('devnet/port-busy');
    } finally {
      blocker.close();
    }
  });

  it('GIVEN the devnet WHEN it is stopped THEN the process exits, devnet.json goes, and a second down is a no-op', async () => {
    const res = await stopDevnet({ home });
    expect(res).toEqual({ wasRunning: true, pid });
    expect(isProcessAlive(pid)).toBe(false);
    expect(existsSync(devnetPaths(home).info)).toBe(false);
    expect(existsSync(devnetPaths(home).chainState)).toBe(true);
    expect(await stopDevnet({ home })).toEqual({ wasRunning: false, pid: null });
    expect((await readDevnetStatus({ home })).running).toBe(false);
    await expect(injectFault({ home, target: 'provider-1', kind: 'crash' })).rejects.toMatchObject({
      code: 'devnet/not-running',
    });
  });
});
