import type { AddressBook } from '../../wire/address-book.js';
import type { CandidateBid } from './select-bid.js';

/** An order as the matcher needs it; `state` 0 is open (reference §1.3). */
export interface MatcherOrder {
  readonly id: bigint;
  readonly maxPrice: bigint;
  readonly state: number;
}

/** The few chain reads and the one write the matcher does; ethers stays behind this seam. */
export interface MatcherChain {
  readonly blockNumber: () => Promise<number>;
  /** `OrderCreated` logs in [fromBlock, toBlock]: order id and the block it was created in. */
  readonly ordersCreated: (
    fromBlock: number,
    toBlock: number,
  ) => Promise<{ orderId: bigint; block: number }[]>;
  readonly readOrder: (orderId: bigint) => Promise<MatcherOrder>;
  readonly readBids: (orderId: bigint) => Promise<CandidateBid[]>;
  /** Sends `Bid.matchOrder` and waits for its receipt; returns the tx hash. */
  readonly matchOrder: (orderId: bigint, provider: string, price: bigint) => Promise<string>;
  readonly close: () => void;
}

/** Options of {@link createMatcherChain}. */
export interface CreateMatcherChainOptions {
  readonly rpcUrl: string;
  readonly book: AddressBook;
  /** The matcher's key (dev account 2, an anvil public test key). */
  readonly privateKey: string;
}

/** Connects the matcher's account to the devnet contracts (ethers, loaded lazily). */
export async function createMatcherChain(opts: CreateMatcherChainOptions): Promise<MatcherChain> {
  const { JsonRpcProvider, NonceManager, Wallet } = await import('ethers');
  const { connectContracts } = await import('../chain/connect-contracts.js');
  const provider = new JsonRpcProvider(opts.rpcUrl, opts.book.chainId, {
    staticNetwork: true,
    cacheTimeout: -1,
  });
  // ethers polls receipts every 4 s by default: far slower than devnet blocks, and the matcher
  // waits for each matchOrder receipt before it looks at the next order.
  provider.pollingInterval = 100;
  // Orders are matched concurrently: one nonce manager keeps the parallel matchOrder sends apart.
  const wallet = new NonceManager(new Wallet(opts.privateKey, provider));
  const c = connectContracts(opts.book, wallet);
  const providerIds = new Map<string, bigint>();

  const providerId = async (address: string): Promise<bigint> => {
    const key = address.toLowerCase();
    if (!providerIds.has(key)) {
      const all = (await c.ProviderRegistry.getFunction('getAllProviders')()) as unknown[];
      for (const p of all) {
        const [id, wallet] = p as [bigint, string];
        providerIds.set(wallet.toLowerCase(), id);
      }
    }
    return providerIds.get(key) ?? 0n;
  };

  return {
    blockNumber: () => provider.getBlockNumber(),
    ordersCreated: async (fromBlock, toBlock) => {
      const logs = await c.OrderRequest.queryFilter('OrderCreated', fromBlock, toBlock);
      return logs.flatMap((log) => {
        const parsed = c.OrderRequest.interface.parseLog(log);
        if (parsed === null) return [];
        return [{ orderId: BigInt(parsed.args[0] as bigint), block: log.blockNumber }];
      });
    },
    readOrder: async (orderId) => {
      const o = (await c.OrderRequest.getFunction('getOrderById')(orderId)) as unknown[];
      return { id: o[0] as bigint, maxPrice: o[1] as bigint, state: Number(o[5]) };
    },
    readBids: async (orderId) => {
      const raw = (await c.Bid.getFunction('getAllBidsForOrder')(orderId)) as unknown[];
      const bids: CandidateBid[] = [];
      for (const b of raw) {
        const [, provider, bidPrice, , timestamp] = b as [bigint, string, bigint, bigint, bigint];
        bids.push({ provider, providerId: await providerId(provider), bidPrice, timestamp });
      }
      return bids;
    },
    matchOrder: async (orderId, providerAddress, price) => {
      let tx: { hash: string; wait: () => Promise<unknown> };
      try {
        tx = await c.Bid.getFunction('matchOrder')(orderId, providerAddress, price);
      } catch (err) {
        // A send that failed before broadcast (a revert found by estimateGas) still advanced the
        // manager's nonce: re-read it from the node, or every later match would wait on a gap.
        wallet.reset();
        throw err;
      }
      await tx.wait();
      return tx.hash;
    },
    close: () => provider.destroy(),
  };
}
