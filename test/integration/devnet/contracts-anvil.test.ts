import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { JsonRpcProvider } from 'ethers';
import { LeaseholdError } from '../../../cli/diag/index.js';
import {
  BOOK_CONTRACTS,
  DEV_WALLET,
  DEV_WALLET_MINT,
  connectContracts,
  deployContracts,
  startAnvil,
} from '../../../devnet/chain/index.js';
import type { AnvilHandle } from '../../../devnet/chain/index.js';

// anvil as the devnet runs it: interval mining, state on disk across a stop and a start, and a
// clear error when it cannot start.
const dir = mkdtempSync(join(tmpdir(), 'leasehold-anvil-'));
const running: AnvilHandle[] = [];

const rpcOf = (url: string): JsonRpcProvider =>
  new JsonRpcProvider(url, 31337, { staticNetwork: true, batchMaxCount: 1, cacheTimeout: -1 });

afterAll(async () => {
  for (const a of running) await a.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('startAnvil + deployContracts', () => {
  it('GIVEN 1 s blocks and a state file WHEN deployed, stopped and started again THEN the contracts and balances are still there', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startAnvil({ blockTime: 1, statePath, stateInterval: 1 });
    running.push(first);
    const book = await deployContracts({ rpcUrl: first.rpcUrl });
    const rpc = rpcOf(first.rpcUrl);
    // Every deployment transaction fits one block mined on demand: no waiting for the block time.
    expect(await rpc.getBlockNumber()).toBeLessThanOrEqual(book.deployBlock + 1);
    for (const name of BOOK_CONTRACTS)
      expect((await rpc.getCode(book.contracts[name])).length).toBeGreaterThan(2);
    rpc.destroy();
    await first.stop();

    const second = await startAnvil({ blockTime: 1, statePath, stateInterval: 1 });
    running.push(second);
    const rpc2 = rpcOf(second.rpcUrl);
    for (const name of BOOK_CONTRACTS)
      expect((await rpc2.getCode(book.contracts[name])).length).toBeGreaterThan(2);
    const c = connectContracts(book, rpc2);
    expect(await c.token('uSPON').getFunction('balanceOf')(DEV_WALLET.address)).toBe(
      DEV_WALLET_MINT,
    );
    expect(await c.OrderRequest.getFunction('nextOrderId')()).toBe(1n);
    rpc2.destroy();
    await second.stop();
  });

  it('GIVEN a port already taken WHEN a second anvil starts on it THEN it fails with devnet/anvil-start-failed quoting anvil', async () => {
    const a = await startAnvil({});
    running.push(a);
    const port = Number(new URL(a.rpcUrl).port);
    let caught: unknown;
    try {
      running.push(await startAnvil({ port }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LeaseholdError);
    expect((caught as LeaseholdError).code).toBe('devnet/anvil-start-failed');
    expect((caught as LeaseholdError).detail).toMatch(/exited early/);
  });

  it('GIVEN a running anvil WHEN stopped twice THEN the second stop is a no-op and the port is released', async () => {
    const a = await startAnvil({});
    await a.stop();
    await a.stop();
    const rpc = rpcOf(a.rpcUrl);
    await expect(rpc.send('eth_chainId', [])).rejects.toBeDefined();
    rpc.destroy();
  });
});
