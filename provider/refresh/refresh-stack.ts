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
  /** How long a pending `createOrder` of the journal is waited for (ms). @default 0 */
  readonly pendingTimeoutMs?: number | undefined;
  /** False: the chain only, no provider status reads (`--refresh=chain`). @default true */
  readonly providerStatus?: boolean | undefined;
  /** Progress lines for humans (a wait for a pending order); never secrets. */
  readonly log?: ((line: string) => void) | undefined;
}

/**
 * Reads the chain and the providers and reconciles them with `prior`. The result
 * keeps prior's lineage and serial (the core bumps the serial when it writes); a stack with no
 * state gets a fresh lineage. Never fails because a provider is down: that is drift `unknown`. A
 * journalled order still pending after `pendingTimeoutMs` stays in the journal and is reported
 * as the error `plan/order-pending`, so nothing plans a second order for its slot.
 */
export async function refreshStack(input: RefreshStackInput): Promise<RefreshResponse> {
  const tenant = input.tenant.toLowerCase();
  const resolved = await resolveJournal({
    marketplace: input.marketplace,
    tenant,
    prior: input.prior ?? emptyStack(input.stack, input.network),
    now: input.now,
    pendingTimeoutMs: input.pendingTimeoutMs,
    log: input.log,
  });
  const prior = resolved.state;
  const facts = await readChainFacts({ ...input, prior, tenant });
  const { state, drift } = reconcileLeases({
    stack: input.stack,
    prior,
    tenant,
    facts,
    now: input.now,
    adoptAttributes: (c) => attributesFromOrder(c, input.network),
  });
  return { state, drift, diagnostics: resolved.diagnostics };
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
