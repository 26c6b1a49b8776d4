import type { ConnectRequest, ProviderSession } from '../../cli/provider-api.js';

/** STUB (owned by the networks/wallet/marketplace work): connects to a network with a wallet. */
export async function connectSession(req: ConnectRequest): Promise<ProviderSession> {
  throw new Error(
    `connect not implemented (${typeof req.network === 'string' ? req.network : req.network.name})`,
  );
}
