/**
 * `createMarketplace`: the chain client over one network and (optionally) one signer. It holds one
 * RPC connection and one transaction pipeline, so concurrent transactions of one wallet take
 * their nonces locally and in order, and never wait for each other's receipts.
 */
import type { Signer } from 'ethers';
import type { ResolvedNetwork } from '../network/network-types.js';
import { CountingProvider } from './counting-provider.js';
import type { Marketplace } from './marketplace-types.js';
import * as reads from './marketplace-reads.js';
import * as logs from './order-logs.js';
import * as writes from './marketplace-writes.js';
import { normalizeError } from './normalize-error.js';
import { TxPipeline } from './tx-pipeline.js';

/** Options of {@link createMarketplace}. */
export interface CreateMarketplaceOptions {
  readonly network: ResolvedNetwork;
  /**
   * Builds the signer on the client's provider (an ethers Wallet `.connect(provider)`); null for a
   * read-only client. Its transactions go through one {@link TxPipeline}.
   */
  readonly signer?: ((provider: CountingProvider) => Signer) | null | undefined;
  /** Transient-failure tries per RPC request. @default 3 */
  readonly tries?: number | undefined;
}

/** Connects to the network; no request is sent until the first call. */
export async function createMarketplace(opts: CreateMarketplaceOptions): Promise<Marketplace> {
  const { network } = opts;
  const provider = new CountingProvider({
    rpcUrl: network.rpcUrl,
    chainId: network.chainId,
    secondsPerBlock: network.secondsPerBlock,
    tries: opts.tries,
    requestsPerSecond: network.limits?.rpcRequestsPerSecond ?? null,
  });
  const signer = opts.signer ? opts.signer(provider) : null;
  const signerAddress = signer === null ? null : (await signer.getAddress()).toLowerCase();
  const pipeline = signer === null ? null : pipelineOf(provider, signer, network);
  const rc: reads.ReadContext = { provider, network };
  const wc: writes.WriteContext = { provider, network, signer, pipeline };
  const read = async <T>(action: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      throw normalizeError(err, { action });
    }
  };
  return {
    network,
    signerAddress,
    blockNumber: () => read('read block number', () => provider.getBlockNumber()),
    tenantLeaseIds: (tenant) =>
      read('read tenant leases', () => reads.readTenantLeaseIds(rc, tenant)),
    readLeases: (ids) => read('read leases', () => reads.readLeases(rc, ids)),
    readOrders: (ids) => read('read orders', () => reads.readOrders(rc, ids)),
    readProviders: (a) => read('read providers', () => reads.readProviders(rc, a)),
    escrowBalance: (t, token) => read('read escrow', () => reads.readEscrowBalance(rc, t, token)),
    tokenBalance: (o, token) =>
      read('read token balance', () => reads.readTokenBalance(rc, o, token)),
    nativeBalance: (o) => read('read balance', () => provider.getBalance(o)),
    approve: (token, amount) => writes.approve(wc, token, amount),
    deposit: (token, amount) => writes.deposit(wc, token, amount),
    withdraw: (token, amount) => writes.withdraw(wc, token, amount),
    createOrder: (d, o) => writes.createOrder(wc, d, o),
    updateInitialOrder: (id, d, o) => writes.updateInitialOrder(wc, id, d, o),
    waitForMatch: (id, o) => writes.waitForMatch(wc, id, o),
    waitForOrderEvent: (e, id, o) => writes.waitForOrderEvent(wc, e, id, o),
    orderOfTx: (h) => read('read order of transaction', () => logs.orderOfTx(rc, h)),
    transactionCounts: (a) =>
      read('read transaction count', async () => {
        const [mined, pending] = await Promise.all([
          provider.getTransactionCount(a, 'latest'),
          provider.getTransactionCount(a, 'pending'),
        ]);
        return { mined, pending };
      }),
    matchesSince: (from) => read('read recent matches', () => logs.matchesSince(rc, from)),
    ordersCreatedBy: (c, from) =>
      read('read created orders', () => logs.ordersCreatedBy(rc, c, from)),
    listProviders: () => read('read providers', () => reads.readAllProviders(rc)),
    readBids: (id) => read('read bids', () => reads.readBids(rc, id)),
    closeLease: (id) => writes.closeLease(wc, id),
    rpcRoundTrips: () => provider.roundTrips(),
    close: async () => provider.destroy(),
  };
}

/** The wallet's one transaction pipeline, polling at the provider's rate. */
function pipelineOf(provider: CountingProvider, signer: Signer, network: ResolvedNetwork) {
  return new TxPipeline({
    provider,
    wallet: signer,
    pollMs: provider.pollingInterval,
    // Ten blocks without being mined: the fee is too low for the chain now.
    stuckAfterMs: Math.max(10 * network.secondsPerBlock * 1000, 5_000),
  });
}
