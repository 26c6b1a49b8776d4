import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { devnetPaths } from '../../../../devnet/devnet-home.js';
import { startControlServer } from '../../../../devnet/supervisor/control-server.js';
import type { ControlServer } from '../../../../devnet/supervisor/control-server.js';
import { writeDevnetInfo } from '../../../../devnet/supervisor/devnet-info.js';
import type { DevnetInfo } from '../../../../devnet/supervisor/devnet-info.js';
import { findRunningDevnet } from '../../../../devnet/supervisor/find-running-devnet.js';

const token = 't'.repeat(48);
let control: ControlServer;

beforeAll(async () => {
  control = await startControlServer({
    token,
    handlers: {
      status: async () => ({}),
      fault: async () => ({}),
      unmatchedReason: () => ({}),
      shutdown: () => undefined,
    },
  });
});
afterAll(() => control.close());

function home(pid: number, url: string): string {
  const h = mkdtempSync(join(tmpdir(), 'lh-find-'));
  const paths = devnetPaths(h);
  mkdirSync(paths.dir, { recursive: true });
  const info = {
    formatVersion: 1,
    pid,
    rpcUrl: 'http://127.0.0.1:1',
    chainId: 31337,
    blockTime: 1,
    providers: [],
    control: { url, token },
  } as unknown as DevnetInfo;
  writeDevnetInfo(paths.info, info);
  return h;
}

async function closedPortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe('findRunningDevnet', () => {
  it('GIVEN a live process answering on the control API WHEN found THEN its info is returned', async () => {
    const paths = devnetPaths(home(process.pid, control.url));
    expect((await findRunningDevnet(paths))?.pid).toBe(process.pid);
    expect(existsSync(paths.info)).toBe(true);
  });

  it('GIVEN devnet.json of a dead process WHEN found THEN null and the stale file is removed', async () => {
    const paths = devnetPaths(home(2147483646, control.url));
    expect(await findRunningDevnet(paths)).toBeNull();
    expect(existsSync(paths.info)).toBe(false);
  });

  it('GIVEN a live pid whose control port refuses WHEN found THEN it is stale (pid reused)', async () => {
    const paths = devnetPaths(home(process.pid, await closedPortUrl()));
    expect(await findRunningDevnet(paths)).toBeNull();
    expect(existsSync(paths.info)).toBe(false);
  });

  it('GIVEN a live supervisor that rejects the token WHEN found THEN it fails rather than starting a second devnet', async () => {
    const h = home(process.pid, control.url);
    const paths = devnetPaths(h);
    const info = JSON.parse(JSON.stringify({ ...(await findRunningDevnet(paths)) })) as DevnetInfo;
    writeDevnetInfo(paths.info, { ...info, control: { url: control.url, token: 'x'.repeat(48) } });
    await expect(findRunningDevnet(paths)).rejects.toMatchObject({ code: 'devnet/control-failed' });
    expect(existsSync(paths.info)).toBe(true);
  });
});
