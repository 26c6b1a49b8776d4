import type { AddressBook } from '../../wire/address-book.js';
import type { Matcher } from '../matcher/start-matcher.js';
import type { ChainReader } from './chain-reader.js';
import type { ControlHandlers } from './control-server.js';
import { devnetUnknownTarget } from './devnet-errors.js';
import type { DevnetProviderInfo } from './devnet-info.js';
import { parseFault } from './parse-fault.js';
import type { DevnetFaultKind } from './parse-fault.js';
import type { RunningProvider } from './start-actors.js';

/** One provider in `GET /status`. */
export interface ProviderStatusReport extends DevnetProviderInfo {
  /** Active lease ids on chain, as decimal strings. */
  readonly activeLeases: readonly string[];
  /** The daemon's own view (capacity in use, workloads, faults). */
  readonly inventory: unknown;
}

/** The body of `GET /status` (and the `running` half of `devnet status --json`). */
export interface DevnetStatusReport {
  readonly pid: number;
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly blockNumber: number;
  readonly blockTime: number | null;
  readonly providers: readonly ProviderStatusReport[];
  /** Every active lease id, as decimal strings, ascending. */
  readonly activeLeases: readonly string[];
  /** Orders the matcher has seen and not matched, as decimal strings. */
  readonly openOrders: readonly string[];
}

/** The body of `POST /fault`. */
export interface FaultReport {
  readonly kind: DevnetFaultKind;
  readonly provider: string;
  /** Set when the fault targets one lease. */
  readonly leaseId?: string | undefined;
}

/** The body of `GET /orders/{id}/unmatched-reason`. */
export interface UnmatchedReasonReport {
  readonly orderId: string;
  /** Null while the matcher has no reason (not yet due, or matched). */
  readonly reason: string | null;
}

/** What the handlers act on. */
export interface ControlContext {
  readonly matcher: Matcher;
  readonly daemons: readonly RunningProvider[];
  readonly providers: readonly DevnetProviderInfo[];
  readonly reader: ChainReader;
  readonly rpcUrl: string;
  readonly book: AddressBook;
  readonly opts: { readonly blockTime: number | null };
}

/** Builds the control API's handlers (all but `shutdown`, which the process owner supplies). */
export function controlHandlers(ctx: ControlContext): Omit<ControlHandlers, 'shutdown'> {
  return {
    status: async (): Promise<DevnetStatusReport> => {
      const providers = await Promise.all(
        ctx.daemons.map(async ({ daemon }, i) => {
          const leases = await ctx.reader.activeLeases(daemon.address);
          const info = ctx.providers[i] as DevnetProviderInfo;
          return { ...info, activeLeases: leases.map(String), inventory: daemon.inventory() };
        }),
      );
      const all = providers.flatMap((p) => p.activeLeases.map(BigInt));
      return {
        pid: process.pid,
        rpcUrl: ctx.rpcUrl,
        chainId: ctx.book.chainId,
        blockNumber: await ctx.reader.blockNumber(),
        blockTime: ctx.opts.blockTime,
        providers,
        activeLeases: all.sort((a, b) => (a < b ? -1 : 1)).map(String),
        openOrders: ctx.matcher.openOrders().map(String),
      };
    },
    fault: async (req): Promise<FaultReport> => {
      const names = ctx.daemons.map((d) => d.config.name);
      const parsed = parseFault({ ...req, providers: names });
      let provider: string;
      let leaseId: bigint | undefined;
      if ('leaseId' in parsed) {
        leaseId = parsed.leaseId;
        const address = await ctx.reader.leaseProvider(leaseId);
        const owner = ctx.daemons.find(
          (d) => d.daemon.address.toLowerCase() === address?.toLowerCase(),
        );
        if (owner === undefined) throw devnetUnknownTarget(req.target, names);
        provider = owner.config.name;
      } else provider = parsed.provider;
      const { daemon } = ctx.daemons.find((d) => d.config.name === provider) as RunningProvider;
      if (parsed.kind === 'clear') daemon.clearFaults();
      else daemon.setFault(parsed.kind, leaseId === undefined ? undefined : { leaseId });
      return {
        kind: parsed.kind,
        provider,
        ...(leaseId === undefined ? {} : { leaseId: String(leaseId) }),
      };
    },
    unmatchedReason: (orderId): UnmatchedReasonReport => ({
      orderId: String(orderId),
      reason: ctx.matcher.unmatchedReason(orderId),
    }),
  };
}
