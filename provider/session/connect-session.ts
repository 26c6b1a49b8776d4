/**
 * `connect`: resolves the network (starting the devnet for `local`), the signer and the
 * marketplace client, and returns the session the core drives. Plan, refresh and cost delegate to
 * provider/resources, provider/refresh and provider/cost; nothing here branches on the network name.
 */
import type { ConnectRequest, ProviderSession } from '../../cli/provider-api.js';
import { applySlot } from '../apply/apply-slot.js';
import { observeStack } from '../autoscale/observe-stack.js';
import { ensureEscrow } from '../apply/ensure-escrow.js';
import { readOpenOrders } from '../apply/read-open-orders.js';
import { readStackStatus } from '../apply/read-stack-status.js';
import { createSpreadQueue } from '../apply/spread-queue.js';
import type { ApplyDeps } from '../apply/slot-context.js';
import { streamStackLogs } from '../apply/stream-stack-logs.js';
import { summarizeCost } from '../cost/summarize-cost.js';
import { createMarketplace } from '../marketplace/create-marketplace.js';
import { createProviderClient } from '../marketplace/provider-client.js';
import { loadNetwork } from '../network/load-network.js';
import { resolveNetwork } from '../network/resolve-network.js';
import type { NetworkDeclaration } from '../network/resolve-network.js';
import { importStack } from '../refresh/import-stack.js';
import { refreshStack } from '../refresh/refresh-stack.js';
import { planResource } from '../resources/plan-resource.js';
import { screenMatches } from '../apply/screen-matches.js';
import { escrowBalances } from './escrow-operations.js';
import { resolveSessionSigner } from './resolve-session-signer.js';
import type { SessionSigner } from './resolve-session-signer.js';
import type { Marketplace, ProviderClient } from '../marketplace/marketplace-types.js';
import type { LocalDevnet, ResolvedNetwork } from '../network/network-types.js';
import { limitsInForce } from '../network/network-limits.js';
import { tlsPolicyInForce } from '../network/provider-tls-policy.js';
import { knownCertificatesFile, openKnownCertificates } from '../marketplace/known-certificates.js';
import { createProviderTrust } from '../marketplace/provider-trust.js';

/** Connects to a network with a wallet as `req.signer` asks; throws LeaseholdError on failure. */
export async function connectSession(
  req: ConnectRequest,
  deps: SessionDeps = {},
): Promise<ProviderSession> {
  return buildSession(await connectParts(req, deps), req.log);
}

/** What the core injects into a connection. */
export interface SessionDeps {
  /** Finds or starts the devnet for the `local` network. */
  readonly localDevnet?: LocalDevnet | undefined;
}

/** The network, signer, chain client and provider client of a connection. */
export async function connectParts(
  req: ConnectRequest,
  deps: SessionDeps = {},
): Promise<SessionParts> {
  const declared: NetworkDeclaration | undefined =
    typeof req.network === 'string' ? undefined : req.network;
  const choice = {
    flag: typeof req.network === 'string' ? req.network : undefined,
    spec: declared,
    env: req.env,
  };
  // The wallet is resolved (and a keystore decrypted) before the network is loaded, so a wrong
  // password fails at once instead of after starting the devnet.
  const chosen = resolveNetwork(choice);
  const signer = await resolveSessionSigner({
    need: req.signer,
    network: {
      name:
        chosen.kind === 'ready'
          ? chosen.network.name
          : chosen.kind === 'custom'
            ? chosen.name
            : 'local',
      devWallet: chosen.kind === 'local',
    },
    env: req.env,
    promptPassword: req.promptPassword,
  });
  const loaded = await loadNetwork({ ...choice, log: req.log, localDevnet: deps.localDevnet });
  const providerTls = tlsPolicyInForce(loaded.providerTls, req.env);
  const network = { ...loaded, limits: limitsInForce(loaded.limits, req.env), providerTls };
  const wallet = signer.wallet;
  const marketplace = await createMarketplace({
    network,
    signer: wallet === null ? null : (p) => wallet.connect(p),
  });
  const providerClient = createProviderClient({
    signer: signer.messageSigner,
    now: () => new Date(),
    manifestsPerProvider: network.limits.manifestsPerProvider,
    trust: createProviderTrust({
      policy: providerTls,
      chainId: network.chainId,
      known:
        providerTls === 'tofu' ? openKnownCertificates(knownCertificatesFile(req.env)) : undefined,
      warn: req.log,
      networkName: network.name,
    }),
  });
  return { network, signer, marketplace, providerClient };
}

/** What {@link connectParts} returns. */
export interface SessionParts {
  readonly network: ResolvedNetwork;
  readonly signer: SessionSigner;
  readonly marketplace: Marketplace;
  readonly providerClient: ProviderClient;
}

function buildSession(parts: SessionParts, log: (line: string) => void): ProviderSession {
  const { network, signer, marketplace, providerClient } = parts;
  const tenant = signer.address;
  const needTenant = (): string => {
    if (tenant === null) throw signer.missing();
    return tenant;
  };
  const io = { marketplace, providerClient, network };
  return {
    network: {
      name: network.name,
      chainId: network.chainId,
      blockTime: {
        ms: Math.round(network.secondsPerBlock * 1000),
        source: network.blockTimeSource,
      },
    },
    limits: { rpcRequestsPerSecond: network.limits?.rpcRequestsPerSecond ?? null },
    tenant,
    refresh: (r) =>
      refreshStack({
        ...io,
        tenant: needTenant(),
        stack: r.stack,
        prior: r.prior,
        now: new Date(),
        pendingTimeoutMs: r.pendingTimeoutMs,
        providerStatus: r.providerStatus,
        log,
      }),
    importStack: (r) =>
      importStack({ ...io, tenant: needTenant(), stack: r.stack, now: new Date() }),
    planResource: (r) => planResource({ ...r, network }),
    screenMatches: (r) => screenMatches({ marketplace, providerClient, network, tenant }, r),
    costSummary: async (r) => {
      const escrow =
        tenant === null
          ? null
          : new Map(
              (await escrowBalances(marketplace, tenant)).map((b) => [
                b.symbol,
                BigInt(b.unlocked.base),
              ]),
            );
      return summarizeCost({ ...r, network, escrow });
    },
    ...applyMembers({ ...io, tenant, needTenant }),
    close: () => marketplace.close(),
  };
}

/** applySlot, ensureEscrow, status and logs over the session's clients (provider/apply). */
function applyMembers(
  parts: Pick<SessionParts, 'marketplace' | 'providerClient' | 'network'> & {
    readonly tenant: string | null;
    readonly needTenant: () => string;
  },
): Pick<ProviderSession, 'applySlot' | 'ensureEscrow' | 'status' | 'logs' | 'observe'> {
  // One queue for the session, so every slot of a spread-provider resource sees its siblings.
  const spread = createSpreadQueue();
  const deps = (): ApplyDeps => ({
    spread,
    marketplace: parts.marketplace,
    providerClient: parts.providerClient,
    network: parts.network,
    tenant: parts.needTenant(),
    now: () => new Date(),
  });
  return {
    applySlot: (r) => applySlot(deps(), r),
    ensureEscrow: (r) =>
      ensureEscrow({
        ...r,
        marketplace: parts.marketplace,
        tenant: parts.needTenant(),
        now: () => new Date(),
      }),
    status: async (r) => {
      const res = await readStackStatus(deps(), r.state);
      if (parts.tenant === null) return res;
      const read = { marketplace: parts.marketplace, network: parts.network, tenant: parts.tenant };
      // Advisory: a node that refuses the log query costs the listing, not the status.
      const openOrders = await readOpenOrders(read, r.state.stack, r.state).catch(() => []);
      return { ...res, openOrders };
    },
    logs: (r) => streamStackLogs(deps(), r),
    observe: (r) => observeStack(deps(), r),
  };
}
