import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NonceManager } from 'ethers';
import type { ContractTransactionResponse } from 'ethers';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import {
  eventArgs,
  eventsSince,
  freshHome,
  orderDetails,
  orderSpec,
  send,
  tenantOf,
  waitFor,
} from './lifecycle-support.js';
import type { Tenant } from './lifecycle-support.js';

// A burst of 100 orders from one wallet is matched: every order once, none twice, none lost (the
// apply bench's 100 leases depend on it). How many blocks a burst takes against one order is a
// speed claim, so it is measured by the devnet bench (docs/benchmarks.md), not asserted here: a
// busy CI machine lags the matcher by a block or two without anything being wrong.
const home = freshHome();
const ORDERS = 100;
let info: DevnetInfo;
let t: Tenant;

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    // Base's 2 s blocks: the claim is about blocks, and a busy CI machine still fits a poll in one.
    blockTime: 2,
    port: 0,
    startDelayMs: 100,
  });
  t = tenantOf(info);
  const usdt = info.addressBook.tokens.find((x) => x.symbol === 'USDT')?.address ?? '';
  await send(
    t.c.token('USDT').getFunction('approve')(info.addressBook.contracts.EscrowUser, 10n ** 12n),
  );
  await send(t.c.EscrowUser.getFunction('deposit')(usdt, 10n ** 12n));
});

afterAll(async () => {
  t?.rpc.destroy();
  await stopDevnet({ home });
});

describe('devnet matcher throughput', () => {
  it(`GIVEN ${ORDERS} orders sent in one burst WHEN matched THEN each is matched exactly once`, async () => {
    const usdt = info.addressBook.tokens.find((x) => x.symbol === 'USDT')?.address ?? '';
    const c = connectContracts(info.addressBook, new NonceManager(t.wallet));
    const from = await t.rpc.getBlockNumber();
    const sent: ContractTransactionResponse[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const spec = orderSpec({ name: `burst-${i}`, cpuMillis: 100 });
      const details = orderDetails({ maxPrice: 10n ** 16n, blocks: 1000n, token: usdt, spec });
      sent.push(
        (await c.OrderRequest.getFunction('createOrder')(details)) as ContractTransactionResponse,
      );
    }
    const receipts = await Promise.all(sent.map((tx) => tx.wait()));
    const created = new Map<bigint, number>();
    for (const r of receipts) {
      if (r === null) throw new Error('no receipt');
      const id = eventArgs(t.c, r.logs, 'OrderRequest', 'OrderCreated')[0]?.[0] as bigint;
      created.set(id, r.blockNumber);
    }
    const matchBlocks = await waitFor(
      'all matches',
      async () => {
        const logs = await t.c.Bid.queryFilter('OrderMatched', from);
        const mine = new Map<bigint, number>();
        for (const l of logs) {
          const id = t.c.Bid.interface.parseLog(l)?.args[0] as bigint;
          if (created.has(id)) mine.set(id, l.blockNumber);
        }
        return mine.size === ORDERS ? mine : null;
      },
      // Generous: a loaded 2-core machine lags the 2 s blocks' matcher.
      120_000,
    );
    expect([...matchBlocks.keys()].sort()).toEqual([...created.keys()].sort());
    // Exactly one OrderMatched per order: no order matched twice under the burst.
    expect(await eventsSince(t, 'Bid', 'OrderMatched', from)).toHaveLength(ORDERS);
  });
});
