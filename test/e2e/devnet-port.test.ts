import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execa } from 'execa';
import { ROOT } from './support/e2e-devnet.js';

// A taken RPC port: an auto-started devnet moves to a free port and says which; an explicit
// --port fails loudly with devnet/port-busy. The "preferred" port is LEASEHOLD_DEVNET_PORT
// pointed at a port this test holds (8545 itself may be anyone's on a shared machine).
jest.setTimeout(180_000);

const home = mkdtempSync(join(tmpdir(), 'lh-e2e-port-home-'));
let blocker: Server | undefined;

async function holdPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  blocker = server;
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const cli = (args: string[], port: number) =>
  execa('node', [join(ROOT, 'bin/run.js'), ...args], {
    cwd: ROOT,
    env: {
      LEASEHOLD_HOME: home,
      NO_COLOR: '1',
      CI: 'true',
      LEASEHOLD_DEVNET_PORT: String(port),
      LEASEHOLD_DEVNET_BLOCK_TIME: '0.5',
    },
    reject: false,
  });

afterAll(async () => {
  await cli(['devnet', 'down'], 0);
  await new Promise<void>((resolve) =>
    blocker === undefined ? resolve() : blocker.close(() => resolve()),
  );
});

describe('devnet port (built CLI)', () => {
  it('GIVEN the preferred port is taken WHEN --port names it THEN devnet/port-busy; WHEN the devnet is auto-started THEN it takes a free port and says which', async () => {
    const taken = await holdPort();
    const explicit = await cli(['devnet', 'up', '--port', String(taken)], taken);
    expect(explicit.exitCode).toBe(1);
    expect(explicit.stderr).toContain('[devnet/port-busy]');

    const auto = await cli(['devnet', 'up'], taken);
    expect(auto.exitCode).toBe(0);
    expect(auto.stderr).toContain(`Port ${taken} was in use, so the local devnet listens on`);
    const rpc = /http:\/\/127\.0\.0\.1:(\d+)/.exec(auto.stdout)?.[1];
    expect(rpc).toBeDefined();
    expect(Number(rpc)).not.toBe(taken);
  });
});
