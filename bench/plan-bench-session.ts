// The plan bench's chain client and provider session, shared by the bench (which creates the
// leases) and the child process that measures refresh + plan.
import { Wallet } from 'ethers';
import type { ProviderSession } from '../cli/provider-api.js';
import { DEV_WALLET } from '../wire/dev-accounts.js';
import { summarizeCost } from '../provider/cost/summarize-cost.js';
import { createMarketplace } from '../provider/marketplace/create-marketplace.js';
import type { Marketplace, ProviderClient } from '../provider/marketplace/marketplace-types.js';
import { createProviderClient } from '../provider/marketplace/provider-client.js';
import type { ResolvedNetwork } from '../provider/network/network-types.js';
import { fromBook } from '../provider/network/resolve-network.js';
import { refreshStack } from '../provider/refresh/refresh-stack.js';
import { planResource } from '../provider/resources/plan-resource.js';

/** The devnet as the bench talks to it. */
export interface Chain {
  readonly network: ResolvedNetwork;
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  readonly tenant: string;
}

/** Connects to the devnet with the development wallet. */
export async function connect(
  rpcUrl: string,
  book: ResolvedNetwork['book'],
  blockTime: number | null,
): Promise<Chain> {
  const network = fromBook({
    name: 'local',
    rpcUrl,
    secondsPerBlock: blockTime ?? 1,
    blockTimeSource: 'devnet',
    book,
    devWallet: true,
  });
  const marketplace = await createMarketplace({
    network,
    signer: (p) => new Wallet(DEV_WALLET.privateKey, p),
  });
  const providerClient = createProviderClient({
    signer: new Wallet(DEV_WALLET.privateKey),
    now: () => new Date(),
  });
  return { network, marketplace, providerClient, tenant: DEV_WALLET.address.toLowerCase() };
}

/** A provider session over the real refresh, plan and cost code; nothing that writes. */
export function session(chain: Chain): ProviderSession {
  return {
    network: {
      name: chain.network.name,
      chainId: chain.network.chainId,
      blockTime: { ms: chain.network.secondsPerBlock * 1000, source: 'devnet' },
    },
    tenant: chain.tenant,
    refresh: (req) =>
      refreshStack({ ...chain, stack: req.stack, prior: req.prior, now: new Date() }),
    importStack: (req) =>
      refreshStack({ ...chain, stack: req.stack, prior: null, now: new Date() }),
    planResource: (req) => planResource({ ...req, network: chain.network }),
    costSummary: async (req) => {
      const usdt = chain.network.tokens.find((t) => t.symbol === 'USDT');
      const escrow = new Map<string, bigint>();
      if (usdt !== undefined) {
        escrow.set(
          'USDT',
          (await chain.marketplace.escrowBalance(chain.tenant, usdt.address)).unlocked,
        );
      }
      return summarizeCost({ ...req, network: chain.network, escrow });
    },
    applySlot: () => Promise.reject(new Error('the plan bench never applies')),
    ensureEscrow: () => Promise.reject(new Error('the plan bench never applies')),
    status: () => Promise.reject(new Error('the plan bench reads no status')),
    logs: () => Promise.reject(new Error('the plan bench reads no logs')),
    observe: () => Promise.reject(new Error('the plan bench observes nothing')),
    close: async () => undefined,
  };
}
