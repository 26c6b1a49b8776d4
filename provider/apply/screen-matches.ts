/**
 * `plan`'s pre-flight match screening at the edge: one registry read (`listProviders`), then the
 * pure {@link decideMatchScreen} per new slot. A slot no provider can take is the warning
 * `plan/no-matching-provider`; `apply` refuses such a plan unless `--allow-unmatched`.
 */
import { warningDiag } from '../../cli/diag/index.js';
import type { Diagnostic } from '../../cli/diag/index.js';
import type { ScreenMatchesRequest, ScreenMatchesResponse } from '../../cli/provider-api.js';
import type { Change } from '../../cli/plan/plan-types.js';
import { findToken } from '../cost/find-token.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import type { InstanceModel } from '../spec/model-types.js';
import { toNoMatchProvider } from './await-match.js';
import { decideMatchScreen } from './decide-match-screen.js';
import type { NoMatchOrder } from './explain-no-match.js';

/** What screening reads: the registry, and the network's tokens. */
export interface ScreenMatchesDeps {
  readonly marketplace: Pick<Marketplace, 'listProviders'>;
  readonly network: ResolvedNetwork;
}

/** Screens every slot the plan orders anew (create, replacement) against the registry. */
export async function screenMatches(
  deps: ScreenMatchesDeps,
  req: ScreenMatchesRequest,
): Promise<ScreenMatchesResponse> {
  const fresh = req.changes.filter(
    (c) => c.type === 'instance' && (c.action === 'create' || c.action.includes('-then-')),
  );
  if (fresh.length === 0) return { diagnostics: [] };
  const providers = (await deps.marketplace.listProviders()).map(toNoMatchProvider);
  const diagnostics: Diagnostic[] = [];
  for (const change of fresh) {
    const order = orderOf(change, deps.network);
    if (order === null) continue;
    const res = decideMatchScreen({ order: order.order, providers, tokenSymbol: order.symbol });
    if (res.reason === null) continue;
    diagnostics.push(
      warningDiag({
        code: 'plan/no-matching-provider',
        summary: 'No provider can take this slot',
        detail: `${change.address}: ${res.reason}. Applying would leave an open order on chain, which Spheron cannot cancel, waiting for a match that cannot come.`,
        hint: `${res.hint ?? 'Relax the placement.'} To order it anyway, run apply with --allow-unmatched.`,
        address: change.address,
      }),
    );
  }
  return { diagnostics };
}

/** The slot's order requirements, read from the change (the order encoder's own inputs). */
function orderOf(
  change: Change,
  network: ResolvedNetwork,
): { order: NoMatchOrder; symbol: string } | null {
  const after = change.after as Partial<InstanceModel> | null;
  const placement = after?.placement;
  const symbol = after?.pricing?.token;
  if (placement === undefined || symbol === undefined) return null;
  const token = findToken(network, symbol);
  if (token === null) return null;
  const region = slotRegion(change.private);
  return {
    symbol: token.symbol,
    order: {
      regions: region === null ? placement.regions : [region],
      tiers: placement.tiers,
      allowProviders: placement.allowProviders,
      denyProviders: placement.denyProviders,
      gpuModels: after?.resources?.gpu?.models ?? [],
      token: token.address.toLowerCase(),
      maxPrice: 0n,
    },
  };
}

function slotRegion(priv: string | undefined): string | null {
  if (priv === undefined) return null;
  try {
    const v: unknown = JSON.parse(priv);
    const region = typeof v === 'object' && v !== null ? (v as { region?: unknown }).region : null;
    return typeof region === 'string' ? region : null;
  } catch {
    return null;
  }
}
