import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JsonRpcProvider, NonceManager, Wallet } from 'ethers';
import { connectContracts } from '../devnet/chain/connect-contracts.js';
import { DEV_WALLET } from '../wire/dev-accounts.js';
import { ensureDevnet } from '../devnet/ensure-devnet.js';
import { encodeOrderSpec } from '../wire/order-spec.js';
import { stopDevnet } from '../devnet/supervisor/stop-devnet.js';
import type { BenchSection } from './measure.js';
import { median, removeTempDir } from './measure.js';
import { smallOrderSpec } from './small-order-spec.js';

const COLD_STARTS = 3;
const ORDERS = 10;
/** The burst of the apply bench's 100 leases: one wallet, local nonces, every order at once. */
const BURST = 100;

/**
 * The devnet as `leasehold devnet up` starts it (1 s blocks): cold start (fresh home: anvil,
 * deployment, five providers registered) and order → match latency in blocks, for ten orders
 * sent one after another, and for a burst of a hundred sent at once.
 */
export async function runDevnetBench(_root: string): Promise<BenchSection> {
  const starts: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const home = mkdtempSync(join(tmpdir(), 'lh-bench-devnet-'));
    const t0 = performance.now();
    await ensureDevnet({ home, log: () => undefined, blockTime: 1, port: 0 });
    starts.push(performance.now() - t0);
    await stopDevnet({ home });
    removeTempDir(home);
  }
  const home = mkdtempSync(join(tmpdir(), 'lh-bench-devnet-'));
  try {
    const info = await ensureDevnet({ home, log: () => undefined, blockTime: 1, port: 0 });
    const one = await matchLatency(info, false, ORDERS);
    const burst = await matchLatency(info, true, BURST);
    const cold = median(starts);
    return {
      title: 'Devnet',
      rows: [
        {
          name: `cold start, fresh home (median of ${COLD_STARTS})`,
          value: cold,
          unit: 'ms',
          target: '≤ 5 s',
          pass: cold <= 5000,
        },
        {
          name: `order → match, ${ORDERS} orders one at a time (max)`,
          value: Math.max(...one),
          unit: 'blocks',
          target: '≤ 3 blocks',
          pass: Math.max(...one) <= 3,
        },
        {
          name: `order → match, ${ORDERS} orders one at a time (median)`,
          value: median(one),
          unit: 'blocks',
          target: '',
          pass: null,
        },
        {
          name: `order → match, ${BURST} orders sent together in one burst (max)`,
          value: Math.max(...burst),
          unit: 'blocks',
          target: '≤ one order alone (max) + 1 block',
          pass: Math.max(...burst) <= Math.max(...one) + 1,
          note: 'the matcher takes every due order at once; providers bid on a burst at once',
        },
      ],
    };
  } finally {
    await stopDevnet({ home });
    removeTempDir(home);
  }
}

type Info = Awaited<ReturnType<typeof ensureDevnet>>;

/** Blocks from each order's creation to its OrderMatched, for `count` orders. */
async function matchLatency(info: Info, together: boolean, count: number): Promise<number[]> {
  const rpc = new JsonRpcProvider(info.rpcUrl, info.chainId, {
    staticNetwork: true,
    cacheTimeout: -1,
  });
  rpc.pollingInterval = 100;
  try {
    const wallet = new NonceManager(new Wallet(DEV_WALLET.privateKey, rpc));
    const c = connectContracts(info.addressBook, wallet);
    const usdt = info.addressBook.tokens.find((t) => t.symbol === 'USDT')?.address ?? '';
    await (
      await c.token('USDT').getFunction('approve')(
        info.addressBook.contracts.EscrowUser,
        10n ** 10n,
      )
    ).wait();
    await (await c.EscrowUser.getFunction('deposit')(usdt, 10n ** 10n)).wait();
    const created = new Map<bigint, number>();
    const send = async (
      i: number,
    ): Promise<{ wait(): Promise<{ logs: unknown[]; blockNumber: number } | null> }> =>
      c.OrderRequest.getFunction('createOrder')({
        maxPrice: 10n ** 16n,
        numOfBlocks: 1000n,
        token: usdt,
        spec: encodeOrderSpec(smallOrderSpec(`bench-${together ? 'b' : 's'}-${i}`)),
        version: 1,
        mode: 1,
        tier: [],
      });
    const record = async (tx: Awaited<ReturnType<typeof send>>): Promise<void> => {
      const r = await tx.wait();
      for (const log of (r?.logs ?? []) as Parameters<
        typeof c.OrderRequest.interface.parseLog
      >[0][]) {
        const ev = c.OrderRequest.interface.parseLog(log);
        if (ev?.name === 'OrderCreated') created.set(ev.args[0] as bigint, r?.blockNumber ?? 0);
      }
    };
    const from = await rpc.getBlockNumber();
    if (together) {
      const txs = [];
      for (let i = 0; i < count; i++) txs.push(await send(i));
      await Promise.all(txs.map(record));
    } else {
      for (let i = 0; i < count; i++) {
        await record(await send(i));
        await waitMatched(c, from, new Set(created.keys()));
      }
    }
    const matched = await waitMatched(c, from, new Set(created.keys()));
    return [...created].map(([id, block]) => (matched.get(id) ?? block) - block);
  } finally {
    rpc.destroy();
  }
}

async function waitMatched(
  c: ReturnType<typeof connectContracts>,
  from: number,
  ids: ReadonlySet<bigint>,
): Promise<Map<bigint, number>> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const out = new Map<bigint, number>();
    for (const log of await c.Bid.queryFilter('OrderMatched', from)) {
      const id = c.Bid.interface.parseLog(log)?.args[0] as bigint;
      if (ids.has(id)) out.set(id, log.blockNumber);
    }
    if (out.size === ids.size) return out;
    if (Date.now() > deadline) throw new Error(`only ${out.size} of ${ids.size} orders matched`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
