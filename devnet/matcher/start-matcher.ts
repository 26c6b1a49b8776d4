import { aggregateRefusals } from './aggregate-refusals.js';
import type { Refusal } from './aggregate-refusals.js';
import type { MatcherChain } from './matcher-chain.js';
import { selectBid } from './select-bid.js';

/** Options of {@link startMatcher}. */
export interface StartMatcherOptions {
  readonly chain: MatcherChain;
  /** Names of the devnet's providers: the denominator of "met by n/N". */
  readonly providerNames: readonly string[];
  /** First block to scan for `OrderCreated` (the deployment block), so a restart finds open orders. */
  readonly fromBlock: number;
  /** Blocks to collect bids for after an order is created. @default 2 */
  readonly windowBlocks?: number | undefined;
  /** With automine no block comes by itself, so the window also closes after this long. @default null */
  readonly windowMs?: number | null | undefined;
  /** How often the chain is polled. @default 200 */
  readonly pollMs?: number | undefined;
  readonly log: (line: string) => void;
  /** Wall clock, injectable for the window in automine mode. @default Date.now */
  readonly now?: (() => number) | undefined;
}

/** The running matcher. */
export interface Matcher {
  /** Records why a provider did not bid on an order (wired to each daemon's `reportRefusal`). */
  reportRefusal(provider: string, orderId: bigint, reason: string): void;
  /** The latest reason an open order is still unmatched, or null if none is known. */
  unmatchedReason(orderId: bigint): string | null;
  /** Orders seen and not yet matched. */
  openOrders(): bigint[];
  stop(): Promise<void>;
}

interface Pending {
  readonly block: number;
  readonly seenAt: number;
  /** Last block an attempt was made at: an unmatched order is retried once per new block. */
  triedAt: number;
}

interface MatcherState {
  readonly opts: StartMatcherOptions;
  readonly pending: Map<bigint, Pending>;
  readonly refusals: Map<bigint, Refusal[]>;
  readonly reasons: Map<bigint, string>;
  cursor: number;
  stopped: boolean;
}

/**
 * Starts the devnet matcher: finds orders from `OrderCreated` logs (a polled range scan, so no
 * log is missed across restarts), waits the bid window, then submits the bid {@link selectBid}
 * picks to `matchOrder`. An order nobody can serve stays open and its reason is logged once per change.
 */
export function startMatcher(opts: StartMatcherOptions): Matcher {
  const st: MatcherState = {
    opts,
    pending: new Map(),
    refusals: new Map(),
    reasons: new Map(),
    cursor: opts.fromBlock - 1,
    stopped: false,
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = (): void => {
    if (st.stopped) return;
    running = tick(st)
      .catch((err: unknown) => opts.log(`matcher: poll failed: ${errorText(err)}`))
      .finally(() => {
        if (!st.stopped) timer = setTimeout(loop, opts.pollMs ?? 200);
      });
  };
  loop();
  return {
    reportRefusal(provider, orderId, reason) {
      const others = (st.refusals.get(orderId) ?? []).filter((r) => r.provider !== provider);
      st.refusals.set(orderId, [...others, { provider, reason }]);
    },
    unmatchedReason: (orderId) => st.reasons.get(orderId) ?? null,
    openOrders: () => [...st.pending.keys()],
    async stop() {
      st.stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
      opts.chain.close();
    },
  };
}

async function tick(st: MatcherState): Promise<void> {
  const { chain, log } = st.opts;
  const now = st.opts.now ?? Date.now;
  const block = await chain.blockNumber();
  if (block > st.cursor) {
    for (const o of await chain.ordersCreated(st.cursor + 1, block))
      if (!st.pending.has(o.orderId))
        st.pending.set(o.orderId, { block: o.block, seenAt: now(), triedAt: -1 });
    st.cursor = block;
  }
  const windowBlocks = st.opts.windowBlocks ?? 2;
  const windowMs = st.opts.windowMs;
  const due = [...st.pending].filter(
    ([, p]) =>
      p.triedAt < block &&
      (block - p.block >= windowBlocks || (windowMs != null && now() - p.seenAt >= windowMs)),
  );
  due.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // All due orders at once: twenty orders placed together are matched in the same block, not one
  // block after another (the chain's nonce manager keeps the sends apart).
  await Promise.all(
    due.map(async ([id, p]) => {
      if (st.stopped) return;
      p.triedAt = block;
      try {
        await tryMatch(st, id);
      } catch (err) {
        log(`matcher: order ${id} not matched yet: ${errorText(err)}`);
      }
    }),
  );
}

async function tryMatch(st: MatcherState, orderId: bigint): Promise<void> {
  const { chain, log } = st.opts;
  const forget = (): void => {
    st.pending.delete(orderId);
    st.refusals.delete(orderId);
    st.reasons.delete(orderId);
  };
  const order = await chain.readOrder(orderId);
  if (order.state !== 0) return forget();
  const bids = await chain.readBids(orderId);
  const { selected, reasons: bidReasons } = selectBid(bids, order);
  if (selected !== null) {
    const hash = await chain.matchOrder(orderId, selected.provider, selected.bidPrice);
    log(
      `matcher: order ${orderId} matched to provider ${selected.providerId} at ${selected.bidPrice} (tx ${hash})`,
    );
    return forget();
  }
  const aggregated = aggregateRefusals({
    refusals: st.refusals.get(orderId) ?? [],
    providerCount: st.opts.providerNames.length,
    bidders: bids.map((b) => b.provider),
  });
  const reason = bids.length > 0 ? `${aggregated}; ${bidReasons.join('; ')}` : aggregated;
  if (st.reasons.get(orderId) !== reason) log(`matcher: order ${orderId} unmatched: ${reason}`);
  st.reasons.set(orderId, reason);
}

function errorText(err: unknown): string {
  if (err instanceof Error)
    return (err as Error & { shortMessage?: string }).shortMessage ?? err.message;
  return String(err);
}
