import type { AddressBook } from '../../wire/address-book.js';
import { DEPLOYER } from '../../wire/dev-accounts.js';

/** A registered provider and the tier its config gives it. */
export interface ProviderTier {
  readonly address: string;
  readonly tier: number;
}

/**
 * Sets each provider's on-chain tier to its configured one. Registration always records tier 3
 * (tiers are the admin's to grant, as on Spheron), so without this a client reading the registry
 * — to explain why nobody bid, say — would see tiers the daemons do not bid with. Only providers
 * whose tier differs get a transaction, so a restart costs nothing.
 */
export async function syncProviderTiers(opts: {
  rpcUrl: string;
  book: AddressBook;
  providers: readonly ProviderTier[];
}): Promise<number> {
  const { JsonRpcProvider, NonceManager, Wallet } = await import('ethers');
  const { connectContracts } = await import('../chain/connect-contracts.js');
  const rpc = new JsonRpcProvider(opts.rpcUrl, opts.book.chainId, {
    staticNetwork: true,
    pollingInterval: 100,
  });
  try {
    const admin = new NonceManager(new Wallet(DEPLOYER.privateKey, rpc));
    const registry = connectContracts(opts.book, admin).ProviderRegistry;
    const current = await Promise.all(
      opts.providers.map(async (p) =>
        Number((await registry.getFunction('getProviderByAddress')(p.address))[5]),
      ),
    );
    const stale = opts.providers.filter((p, i) => current[i] !== p.tier);
    // Sent back to back (the nonce manager orders them), then awaited together: one block in all.
    const sent = [];
    for (const p of stale)
      sent.push(await registry.getFunction('updateProviderTier')(p.address, p.tier));
    await Promise.all(sent.map((tx: { wait(): Promise<unknown> }) => tx.wait()));
    return stale.length;
  } finally {
    rpc.destroy();
  }
}
