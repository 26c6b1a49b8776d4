/**
 * The stack's open orders no slot owns, read from the chain at the edge: the wallet's
 * `OrderCreated` logs over a bounded window, their orders (one batched read), then the pure
 * {@link selectOpenOrders}. `status` lists them; `plan` warns about them.
 */
import type { OpenOrderView } from '../../cli/provider-api.js';
import type { StackState } from '../../cli/state/state-types.js';
import type { Marketplace } from '../marketplace/marketplace-types.js';
import type { ResolvedNetwork } from '../network/network-types.js';
import { selectOpenOrders } from './select-open-orders.js';

/**
 * How far back the wallet's orders are looked for: one log query a public RPC answers. An order
 * older than this is not listed (the chain still holds it; `import` finds it once it matches).
 */
export const OPEN_ORDER_SCAN_BLOCKS = 20_000;

/** What {@link readOpenOrders} reads with. */
export interface ReadOpenOrdersDeps {
  readonly marketplace: Pick<Marketplace, 'blockNumber' | 'ordersCreatedBy' | 'readOrders'>;
  readonly network: ResolvedNetwork;
  /** Lowercase wallet address. */
  readonly tenant: string;
}

/** The open, unowned orders of `stack` created by the tenant in the last scan window. */
export async function readOpenOrders(
  deps: ReadOpenOrdersDeps,
  stack: string,
  state: StackState | null,
): Promise<OpenOrderView[]> {
  const m = deps.marketplace;
  const from = Math.max(0, (await m.blockNumber()) - OPEN_ORDER_SCAN_BLOCKS);
  const created = await m.ordersCreatedBy(deps.tenant, from);
  if (created.length === 0) return [];
  const orders = await m.readOrders(created.map((c) => c.orderId));
  const tokens = new Map(
    deps.network.tokens.map((t) => [
      t.address.toLowerCase(),
      { symbol: t.symbol, decimals: t.decimals },
    ]),
  );
  return selectOpenOrders({
    stack,
    state,
    orders,
    tokens,
    secondsPerBlock: deps.network.secondsPerBlock,
  });
}
