import type { ConnectRequest, WalletSession } from '../../cli/provider-api.js';
import { connectParts } from './connect-session.js';
import type { SessionDeps } from './connect-session.js';
import { escrowBalances, escrowChange, walletBalance } from './escrow-operations.js';

/** Connects a wallet for `wallet balance` and `escrow …`; a wallet is required (`wallet/no-wallet`). */
export async function connectWalletSession(
  req: ConnectRequest,
  deps: SessionDeps = {},
): Promise<WalletSession> {
  const { network, signer, marketplace } = await connectParts(req, deps);
  const tenant = signer.address;
  if (tenant === null) {
    await marketplace.close();
    throw signer.missing();
  }
  return {
    network: { name: network.name, chainId: network.chainId },
    tenant,
    walletBalance: () => walletBalance(marketplace, tenant),
    escrowBalances: () => escrowBalances(marketplace, tenant),
    escrowChange: (r) => escrowChange(marketplace, tenant, r),
    close: () => marketplace.close(),
  };
}
