/**
 * `OrderCreated` logs read back: the order a transaction created (from its receipt), or that it is
 * still pending or unknown to the node, and the orders a wallet created in a block range — how
 * refresh resolves an apply that crashed between signing `createOrder` and recording its order id.
 */
import { marketplaceInterfaces } from '../../wire/contract-interfaces.js';
import type { CountingProvider } from './counting-provider.js';
import type { OrderMatch } from './marketplace-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';

/** What the log reads need. */
export interface OrderLogsContext {
  readonly provider: CountingProvider;
  readonly network: ResolvedNetwork;
}

/** One `OrderCreated` event. */
export interface CreatedOrderLog {
  readonly orderId: bigint;
  /** Lowercase. */
  readonly creator: string;
  /** The order spec string (its name is the stack tag). */
  readonly spec: string;
  readonly blockNumber: number;
  readonly txHash: string;
}

function parse(
  ctx: OrderLogsContext,
  log: {
    address: string;
    topics: readonly string[];
    data: string;
    blockNumber: number;
    transactionHash: string;
  },
): CreatedOrderLog | null {
  if (log.address.toLowerCase() !== ctx.network.book.contracts.OrderRequest.toLowerCase())
    return null;
  const p = marketplaceInterfaces().OrderRequest.parseLog({
    topics: [...log.topics],
    data: log.data,
  });
  if (p?.name !== 'OrderCreated') return null;
  return {
    orderId: BigInt(p.args[0] as bigint),
    creator: String(p.args[1]).toLowerCase(),
    spec: String(p.args[5]),
    blockNumber: log.blockNumber,
    txHash: log.transactionHash,
  };
}

/**
 * What the node knows of a journalled `createOrder` transaction: `mined` with the order its
 * receipt's `OrderCreated` log names (null when it created none: reverted, or another call);
 * `pending` while the node holds it unmined; `unknown` when the node never saw it or dropped it.
 */
export type OrderTxLookup =
  | { readonly status: 'mined'; readonly order: CreatedOrderLog | null }
  | { readonly status: 'pending' }
  | { readonly status: 'unknown' };

/** Looks `txHash` up: by its receipt, whatever its age, else by the transaction itself. */
export async function orderOfTx(ctx: OrderLogsContext, txHash: string): Promise<OrderTxLookup> {
  let receipt = await ctx.provider.getTransactionReceipt(txHash);
  if (receipt === null) {
    const tx = await ctx.provider.getTransaction(txHash);
    if (tx === null) return { status: 'unknown' };
    if (tx.blockNumber === null) return { status: 'pending' };
    // Mined between the two reads.
    receipt = await ctx.provider.getTransactionReceipt(txHash);
    if (receipt === null) return { status: 'pending' };
  }
  for (const log of receipt.logs) {
    const found = parse(ctx, { ...log, transactionHash: receipt.hash });
    if (found !== null) return { status: 'mined', order: found };
  }
  return { status: 'mined', order: null };
}

/** Orders `creator` created from `fromBlock` on. */
export async function ordersCreatedBy(
  ctx: OrderLogsContext,
  creator: string,
  fromBlock: number,
): Promise<CreatedOrderLog[]> {
  const topic = marketplaceInterfaces().OrderRequest.getEvent('OrderCreated')?.topicHash;
  const logs = await ctx.provider.getLogs({
    address: ctx.network.book.contracts.OrderRequest,
    topics: topic === undefined ? [] : [topic],
    fromBlock,
  });
  return logs
    .map((l) => parse(ctx, l))
    .filter((o): o is CreatedOrderLog => o !== null && o.creator === creator.toLowerCase());
}

/**
 * Every `OrderMatched` from `fromBlock` on, any tenant's: one log read over the Bid contract (what
 * the market accepted recently, for `plan`'s price check).
 */
export async function matchesSince(
  ctx: OrderLogsContext,
  fromBlock: number,
): Promise<OrderMatch[]> {
  const iface = marketplaceInterfaces().Bid;
  const topic = iface.getEvent('OrderMatched')?.topicHash;
  const logs = await ctx.provider.getLogs({
    address: ctx.network.book.contracts.Bid,
    topics: topic === undefined ? [] : [topic],
    fromBlock,
  });
  return logs.flatMap((log) => {
    const p = iface.parseLog({ topics: [...log.topics], data: log.data });
    if (p?.name !== 'OrderMatched') return [];
    return [
      {
        orderId: BigInt(p.args[0] as bigint),
        provider: String(p.args[1]).toLowerCase(),
        acceptedPrice: BigInt(p.args[4] as bigint),
        blockNumber: log.blockNumber,
        txHash: log.transactionHash,
      },
    ];
  });
}
