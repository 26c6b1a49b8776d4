/** The signed transactions of the marketplace client, each normalised at one edge. */
import { Contract, keccak256 } from 'ethers';
import type { ContractTransaction, NonceManager, TransactionReceipt } from 'ethers';
import { formatTokenAmount } from '../../common/units/format-token-amount.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import { marketplaceInterfaces } from '../../wire/contract-interfaces.js';
import type { CountingProvider } from './counting-provider.js';
import { findToken } from './find-token.js';
import { MarketplaceError } from './marketplace-error.js';
import type {
  CreatedOrder,
  OrderDetails,
  OrderEvent,
  OrderMatch,
  SendOptions,
  TxResult,
  WaitForMatchOptions,
} from './marketplace-types.js';
import { decodeRevert, normalizeError } from './normalize-error.js';
import type { ErrorContext } from './normalize-error.js';

/** What the writes need: a signer (one NonceManager per wallet) and the network. */
export interface WriteContext {
  readonly provider: CountingProvider;
  readonly network: ResolvedNetwork;
  readonly signer: NonceManager | null;
}

const ZERO = '0x0000000000000000000000000000000000000000';

function contract(
  ctx: WriteContext,
  name: 'OrderRequest' | 'ComputeLease' | 'EscrowUser',
  action: string,
): Contract {
  if (ctx.signer === null) {
    throw new MarketplaceError({
      code: 'marketplace/no-signer',
      summary: 'A wallet is needed to sign',
      detail: `${action} sends a transaction, and this session has no wallet.`,
      hint: 'Set LEASEHOLD_PRIVATE_KEY or create a keystore with `leasehold wallet create`.',
    });
  }
  return new Contract(ctx.network.book.contracts[name], marketplaceInterfaces()[name], ctx.signer);
}

async function send(
  wc: WriteContext,
  ctx: ErrorContext,
  build: () => Promise<ContractTransaction>,
  hooks: SendOptions = {},
): Promise<TransactionReceipt> {
  let txHash: string | undefined;
  try {
    const signed = await signLocally(wc, await build());
    txHash = keccak256(signed);
    // Journalled before the node sees it: a crash at any later instant leaves a hash to ask the
    // node about, and a hash the node never saw is a transaction that was never sent.
    await hooks.onSigned?.(txHash);
    const tx = await wc.provider.broadcastTransaction(signed);
    const receipt = await tx.wait();
    if (receipt === null) throw new Error('transaction dropped');
    return receipt;
  } catch (err) {
    // The NonceManager counted a nonce for a transaction that was never mined (a revert at gas
    // estimation, a dropped send): forget its count so the next transaction does not wait on a gap.
    wc.signer?.reset();
    throw normalizeError(err, { ...ctx, txHash });
  }
}

/**
 * Populates and signs without sending, taking the next nonce from the wallet's one NonceManager
 * exactly as its own `sendTransaction` does (the nonce is set first, so it is not read again).
 */
async function signLocally(wc: WriteContext, request: ContractTransaction): Promise<string> {
  const manager = wc.signer;
  if (manager === null) throw new Error('no signer');
  const nonce = manager.getNonce('pending');
  manager.increment();
  const populated = await manager.signer.populateTransaction({ ...request, nonce: await nonce });
  return manager.signer.signTransaction(populated);
}

const done = (r: TransactionReceipt): TxResult => ({ txHash: r.hash, blockNumber: r.blockNumber });

/** ERC-20 approve of `amount` to EscrowUser. */
export async function approve(ctx: WriteContext, token: string, amount: bigint): Promise<TxResult> {
  const t = findToken(ctx.network, token);
  if (ctx.signer === null) contract(ctx, 'EscrowUser', 'approve');
  const erc20 = new Contract(t.address, marketplaceInterfaces().Erc20, ctx.signer);
  const spender = ctx.network.book.contracts.EscrowUser;
  return done(
    await send(ctx, { action: 'approve' }, () =>
      erc20.getFunction('approve').populateTransaction(spender, amount),
    ),
  );
}

/** Deposit into escrow (approve first). */
export async function deposit(ctx: WriteContext, token: string, amount: bigint): Promise<TxResult> {
  const t = findToken(ctx.network, token);
  const c = contract(ctx, 'EscrowUser', 'deposit');
  const fmt = (b: bigint): string => `${formatTokenAmount(b, t.decimals)} ${t.symbol}`;
  return done(
    await send(ctx, { action: 'deposit', formatAmount: fmt }, () =>
      c.getFunction('deposit').populateTransaction(t.address, amount),
    ),
  );
}

/** Withdraw unlocked escrow (`withdraw(token, amount, address(0))`). */
export async function withdraw(
  ctx: WriteContext,
  token: string,
  amount: bigint,
): Promise<TxResult> {
  const t = findToken(ctx.network, token);
  const c = contract(ctx, 'EscrowUser', 'withdraw');
  const fmt = (b: bigint): string => `${formatTokenAmount(b, t.decimals)} ${t.symbol}`;
  return done(
    await send(ctx, { action: 'withdraw', formatAmount: fmt }, () =>
      c.getFunction('withdraw').populateTransaction(t.address, amount, ZERO),
    ),
  );
}

const detailsTuple = (d: OrderDetails) => ({
  maxPrice: d.maxPrice,
  numOfBlocks: d.numOfBlocks,
  token: d.token,
  spec: d.spec,
  version: d.version,
  mode: d.mode,
  tier: [...d.tier],
});

/** `createOrder`; the id comes from the receipt's `OrderCreated` log, never from a guess. */
export async function createOrder(
  ctx: WriteContext,
  details: OrderDetails,
  opts: SendOptions = {},
): Promise<CreatedOrder> {
  const c = contract(ctx, 'OrderRequest', 'createOrder');
  const receipt = await send(
    ctx,
    { action: 'createOrder' },
    () => c.getFunction('createOrder').populateTransaction(detailsTuple(details)),
    opts,
  );
  const iface = marketplaceInterfaces().OrderRequest;
  for (const log of receipt.logs) {
    const parsed =
      log.address.toLowerCase() === ctx.network.book.contracts.OrderRequest.toLowerCase()
        ? iface.parseLog(log)
        : null;
    if (parsed?.name === 'OrderCreated')
      return { orderId: BigInt(parsed.args[0] as bigint), ...done(receipt) };
  }
  throw new MarketplaceError({
    code: 'marketplace/order-id-missing',
    summary: 'Order created without an OrderCreated event',
    detail: `createOrder, tx ${receipt.hash}: the receipt has no OrderCreated log from ${ctx.network.book.contracts.OrderRequest}.`,
    hint: 'Check that the address book matches the deployed contracts.',
  });
}

/** `updateInitialOrder(orderId, details)`. */
export async function updateInitialOrder(
  ctx: WriteContext,
  orderId: bigint,
  details: OrderDetails,
  opts: SendOptions = {},
): Promise<TxResult> {
  const c = contract(ctx, 'OrderRequest', 'updateInitialOrder');
  return done(
    await send(
      ctx,
      { action: 'updateInitialOrder', orderId },
      () => c.getFunction('updateInitialOrder').populateTransaction(orderId, detailsTuple(details)),
      opts,
    ),
  );
}

/** `closeLease(id)`; LeaseAlreadyTerminated means someone closed it already: success. */
export async function closeLease(
  ctx: WriteContext,
  leaseId: bigint,
): Promise<{ txHash: string | null }> {
  const c = contract(ctx, 'ComputeLease', 'closeLease');
  try {
    const receipt = await send(ctx, { action: 'closeLease', orderId: leaseId }, () =>
      c.getFunction('closeLease').populateTransaction(leaseId),
    );
    return { txHash: receipt.hash };
  } catch (err) {
    if (decodeRevert(err instanceof Error ? err.cause : err)?.name === 'LeaseAlreadyTerminated')
      return { txHash: null };
    throw err;
  }
}

/** Polls `OrderMatched` logs from `fromBlock` on and matches on the order id only. */
export async function waitForMatch(
  ctx: WriteContext,
  orderId: bigint,
  opts: WaitForMatchOptions,
  now: () => number = Date.now,
): Promise<OrderMatch | null> {
  const found = await pollBidEvent(ctx, 'OrderMatched', orderId, opts, now);
  if (found === null) return null;
  return {
    orderId,
    provider: String(found.args[1]).toLowerCase(),
    acceptedPrice: BigInt(found.args[4] as bigint),
    blockNumber: found.blockNumber,
    txHash: found.txHash,
  };
}

/** Polls a Bid event (`UpdateRequestAccepted`, `LeaseUpdated`) of one order id. */
export async function waitForOrderEvent(
  ctx: WriteContext,
  event: 'UpdateRequestAccepted' | 'LeaseUpdated',
  orderId: bigint,
  opts: WaitForMatchOptions,
  now: () => number = Date.now,
): Promise<OrderEvent | null> {
  const found = await pollBidEvent(ctx, event, orderId, opts, now);
  if (found === null) return null;
  return {
    orderId,
    provider: String(found.args[1]).toLowerCase(),
    acceptedPrice: event === 'LeaseUpdated' ? BigInt(found.args[3] as bigint) : null,
    blockNumber: found.blockNumber,
    txHash: found.txHash,
  };
}

interface FoundEvent {
  readonly args: readonly unknown[];
  readonly blockNumber: number;
  readonly txHash: string;
}

/** Log polling instead of a subscription: nothing emitted since `fromBlock` can be missed. */
async function pollBidEvent(
  ctx: WriteContext,
  event: string,
  orderId: bigint,
  opts: WaitForMatchOptions,
  now: () => number,
): Promise<FoundEvent | null> {
  const iface = marketplaceInterfaces().Bid;
  const topic = iface.getEvent(event)?.topicHash;
  const deadline = now() + opts.timeoutMs;
  for (;;) {
    const logs = await ctx.provider
      .getLogs({
        address: ctx.network.book.contracts.Bid,
        topics: topic ? [topic] : [],
        fromBlock: opts.fromBlock,
      })
      .catch((err: unknown) => {
        throw normalizeError(err, { action: `wait for ${event}`, orderId });
      });
    for (const log of logs) {
      const p = iface.parseLog(log);
      if (p === null || BigInt(p.args[0] as bigint) !== orderId) continue;
      return { args: [...p.args], blockNumber: log.blockNumber, txHash: log.transactionHash };
    }
    if (now() >= deadline || opts.signal?.aborted === true) return null;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 500));
  }
}
