import { randomUUID } from 'node:crypto';
import type { RefreshResponse } from '../../cli/provider-api.js';
import type { StackState } from '../../cli/state/state-types.js';
import type { Marketplace, ProviderClient } from '../marketplace/marketplace-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import { attributesFromOrder } from './attributes-from-order.js';
import { readChainFacts } from './read-chain-facts.js';
import { reconcileLeases } from './reconcile-leases.js';
import { resolveJournal } from './resolve-journal.js';

/** Options of {@link refreshStack}. */
export interface RefreshStackInput {
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
  /** Wallet address owning the leases. */
  readonly tenant: string;
  readonly stack: string;
  /** State before refresh; null when the stack has none. */
  readonly prior: StackState | null;
  readonly network: ResolvedNetwork;
  readonly now: Date;
}

/**
 * Reads the chain and the providers and reconciles them with `prior` (decision 5). The result
 * keeps prior's lineage and serial (the core bumps the serial when it writes); a stack with no
 * state gets a fresh lineage. Never fails because a provider is down: that is drift `unknown`.
 */
export async function refreshStack(input: RefreshStackInput): Promise<RefreshResponse> {
  const tenant = input.tenant.toLowerCase();
  const prior = await resolveJournal({
    marketplace: input.marketplace,
    tenant,
    prior: input.prior ?? emptyStack(input.stack, input.network),
    now: input.now,
  });
  const facts = await readChainFacts({ ...input, prior, tenant });
  const { state, drift } = reconcileLeases({
    stack: input.stack,
    prior,
    tenant,
    facts,
    now: input.now,
    adoptAttributes: (c) => attributesFromOrder(c, input.network),
  });
  return { state, drift, diagnostics: [] };
}

function emptyStack(stack: string, network: ResolvedNetwork): StackState {
  return {
    formatVersion: 1,
    stack,
    lineage: randomUUID(),
    serial: 0,
    network: { name: network.name, chainId: network.chainId },
    tenant: null,
    resources: [],
    outputs: {},
    journal: [],
  };
}
