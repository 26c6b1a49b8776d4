/**
 * The provider's chain-side behaviour: bid on orders it can serve, take the leases it wins, accept
 * updates to them and commit them on chain before their new manifest runs, close leases that
 * expire or never get a manifest, and tear down on LeaseClosed. Decisions are the pure decide*
 * functions; this class only wires events to them and to transactions.
 */
import type { Diagnostic } from '../../common/diag/index.js';
import type { AddressBook } from '../../wire/address-book.js';
import type { ProviderConfig } from '../config/load-provider-config.js';
import type { OrderSpec } from '../../wire/order-spec.js';
import { commitUpdate } from './commit-update.js';
import { decideBidPrice } from './decide-bid-price.js';
import { addUsage, decideCanServe, NO_USAGE } from './decide-can-serve.js';
import type { ProviderUsage } from './decide-can-serve.js';
import type { FaultBoard } from './fault-board.js';
import type { LeaseRegistry, TrackedLease } from './lease-registry.js';
import type { LeaseInfo } from './provider-backend.js';
import { revertName } from './provider-chain.js';
import type { ChainEvent, ProviderChain } from './provider-chain.js';

/** Options of {@link ProviderActor}. */
export interface ProviderActorOptions {
  readonly config: ProviderConfig;
  readonly book: AddressBook;
  readonly chain: ProviderChain;
  readonly registry: LeaseRegistry;
  readonly faults: FaultBoard;
  readonly manifestTimeoutMs: number;
  readonly log: (line: string) => void;
  readonly reportRefusal?: ((orderId: bigint, reason: string) => void) | undefined;
}

// A bid holds capacity until its order is matched (to anyone) or this long has passed.
const BID_HOLD_MS = 60_000;

/** Chain event handling and lease housekeeping of one provider. */
export class ProviderActor {
  private readonly bids = new Map<string, { demand: ProviderUsage; until: number }>();
  private readonly endBlocks = new Map<string, bigint>();
  private readonly watchdogs = new Map<string, NodeJS.Timeout>();
  private readonly pendingPrices = new Map<string, bigint>();
  private readonly closing = new Set<string>();

  constructor(private readonly o: ProviderActorOptions) {}

  /** Routes one decoded event. */
  async handle(e: ChainEvent): Promise<void> {
    const id = BigInt(e.args[0] as bigint);
    const mine = (addr: unknown): boolean => String(addr).toLowerCase() === this.me;
    if (e.name === 'OrderCreated') await this.onOrderCreated(id);
    else if (e.name === 'OrderMatched') await this.onOrderMatched(id, mine(e.args[1]));
    else if (e.name === 'OrderUpdateRequested') await this.onUpdateRequested(id);
    else if (e.name === 'LeaseClosed' && mine(e.args[1])) await this.onLeaseClosed(id);
    else if (e.name === 'LeaseUpdated' && mine(e.args[1]) && e.args.length === 4) {
      this.endBlocks.set(id.toString(), await this.o.chain.leaseEndBlock(id));
      this.o.log(`lease ${id} updated at price ${String(e.args[3])}`);
    }
  }

  private get me(): string {
    return this.o.chain.address.toLowerCase();
  }

  private used(now: number): ProviderUsage {
    let used = this.o.registry.used();
    for (const [k, b] of this.bids) {
      if (b.until < now) this.bids.delete(k);
      else used = addUsage(used, b.demand);
    }
    return used;
  }

  private async onOrderCreated(orderId: bigint): Promise<void> {
    const order = await this.o.chain.order(orderId);
    const refuse = (reason: string): void => {
      this.o.log(`order ${orderId}: no bid (${reason})`);
      this.o.reportRefusal?.(orderId, reason);
    };
    if (this.o.faults.has('no-bid')) return refuse('fault no-bid');
    if (order.spec === null) return refuse('spec decodes');
    const symbol = this.o.book.tokens.find(
      (t) => t.address.toLowerCase() === order.token.toLowerCase(),
    );
    const can = decideCanServe({
      config: this.o.config,
      address: this.o.chain.address,
      order: {
        spec: order.spec,
        mode: order.mode,
        tiers: order.tiers,
        tokenSymbol: symbol?.symbol,
      },
      used: this.used(Date.now()),
    });
    if (!can.ok) return refuse(can.reasons.join('; '));
    const price = this.price(order.spec, order.maxPrice);
    if (typeof price === 'string') return refuse(price);
    this.bids.set(orderId.toString(), { demand: can.demand, until: Date.now() + BID_HOLD_MS });
    try {
      await this.o.chain.send('placeBid', (c) => c.Bid.getFunction('placeBid')(orderId, price, 0n));
      this.o.log(`order ${orderId}: bid ${price}`);
    } catch (err) {
      this.bids.delete(orderId.toString());
      this.o.log(`order ${orderId}: placeBid reverted (${revertName(err)})`);
    }
  }

  private price(spec: OrderSpec, maxPrice: bigint): bigint | string {
    const d = decideBidPrice({
      prices: this.o.config.prices,
      spec,
      secondsPerBlock: this.o.config.secondsPerBlock,
      maxPrice,
    });
    return d.ok ? d.price : d.reason;
  }

  private async onOrderMatched(orderId: bigint, mine: boolean): Promise<void> {
    const bid = this.bids.get(orderId.toString());
    this.bids.delete(orderId.toString());
    if (!mine) return;
    await this.adopt(orderId, bid?.demand);
  }

  /** Starts serving a lease of this provider found on chain (match, restart, or first request). */
  async adopt(leaseId: bigint, demand?: ProviderUsage | undefined): Promise<TrackedLease | null> {
    const known = this.o.registry.get(leaseId);
    if (known !== undefined) return known;
    const [lease, order] = await Promise.all([
      this.o.chain.lease(leaseId),
      this.o.chain.order(leaseId),
    ]);
    if (lease.provider.toLowerCase() !== this.me || lease.state !== 0 || order.spec === null)
      return null;
    const tracked = this.o.registry.track({
      leaseId,
      tenant: lease.tenant,
      spec: order.spec,
      demand: demand ?? NO_USAGE,
    });
    this.endBlocks.set(leaseId.toString(), await this.o.chain.leaseEndBlock(leaseId));
    if (!(await this.o.registry.restore(leaseId))) this.startWatchdog(leaseId);
    this.o.log(`lease ${leaseId}: serving tenant ${lease.tenant}`);
    return tracked;
  }

  private startWatchdog(leaseId: bigint): void {
    const key = leaseId.toString();
    clearTimeout(this.watchdogs.get(key));
    const timer = setTimeout(() => {
      this.watchdogs.delete(key);
      if (this.o.registry.get(leaseId)?.workload !== null) return;
      this.o.log(`lease ${leaseId}: no manifest within ${this.o.manifestTimeoutMs} ms, closing`);
      void this.close(leaseId);
    }, this.o.manifestTimeoutMs);
    timer.unref();
    this.watchdogs.set(key, timer);
  }

  /** Called once a manifest runs: stops the watchdog. */
  onManifest(lease: TrackedLease): void {
    const key = lease.leaseId.toString();
    clearTimeout(this.watchdogs.get(key));
    this.watchdogs.delete(key);
  }

  /**
   * Commits the accepted update of a lease on chain (`updateOrder`), called before its new
   * manifest runs; null once committed, else the reason the manifest PUT is refused with.
   */
  async commitUpdate(lease: TrackedLease): Promise<Diagnostic | null> {
    const key = lease.leaseId.toString();
    const refused = await commitUpdate({
      chain: this.o.chain,
      book: this.o.book,
      leaseId: lease.leaseId,
      price: this.pendingPrices.get(key),
      log: this.o.log,
    });
    if (refused === null) this.pendingPrices.delete(key);
    return refused;
  }

  private async onUpdateRequested(orderId: bigint): Promise<void> {
    const lease = this.o.registry.get(orderId);
    if (lease === undefined) return;
    const pending = await this.o.chain.order(orderId, true);
    if (pending.spec === null) return this.o.log(`lease ${orderId}: update spec does not decode`);
    const others = addUsage(this.used(Date.now()), lease.demand, -1);
    const can = decideCanServe({
      config: this.o.config,
      address: this.o.chain.address,
      order: {
        spec: pending.spec,
        mode: pending.mode,
        tiers: [],
        tokenSymbol: this.symbolOf(pending.token),
      },
      used: others,
    });
    const price = this.price(pending.spec, pending.maxPrice);
    if (!can.ok || typeof price === 'string') {
      const why = can.ok ? String(price) : can.reasons.join('; ');
      return this.o.log(`lease ${orderId}: update refused (${why})`);
    }
    // Mark the update pending BEFORE accepting on chain: a tenant that sees UpdateRequestAccepted
    // may PUT the new manifest before our receipt arrives, and it must be handled as the update
    // (committed with updateOrder first, then run).
    lease.pendingSpec = pending.spec;
    this.pendingPrices.set(orderId.toString(), price);
    try {
      await this.o.chain.send('acceptUpdate', (c) => c.Bid.getFunction('acceptUpdate')(orderId));
      this.o.log(`lease ${orderId}: update accepted, waiting for the new manifest`);
    } catch (err) {
      lease.pendingSpec = null;
      this.pendingPrices.delete(orderId.toString());
      this.o.log(`lease ${orderId}: acceptUpdate reverted (${revertName(err)})`);
    }
  }

  private symbolOf(token: string): string | undefined {
    return this.o.book.tokens.find((t) => t.address.toLowerCase() === token.toLowerCase())?.symbol;
  }

  private async onLeaseClosed(leaseId: bigint): Promise<void> {
    const key = leaseId.toString();
    clearTimeout(this.watchdogs.get(key));
    this.watchdogs.delete(key);
    this.endBlocks.delete(key);
    this.pendingPrices.delete(key);
    this.closing.delete(key);
    if (this.o.registry.get(leaseId) === undefined) return;
    await this.o.registry.remove(leaseId);
    this.o.log(`lease ${leaseId}: closed, workload torn down`);
  }

  /** Closes leases whose paid blocks ran out. */
  async closeExpired(head: bigint): Promise<void> {
    for (const [key, end] of this.endBlocks) {
      if (head >= end && !this.closing.has(key)) {
        this.o.log(`lease ${key}: expired at block ${end}, closing`);
        await this.close(BigInt(key));
      }
    }
  }

  private async close(leaseId: bigint): Promise<void> {
    const key = leaseId.toString();
    if (this.closing.has(key)) return;
    this.closing.add(key);
    try {
      await this.o.chain.send('closeLease', (c) =>
        c.ComputeLease.getFunction('closeLease')(leaseId),
      );
    } catch (err) {
      const name = revertName(err);
      this.o.log(`lease ${leaseId}: closeLease reverted (${name})`);
      if (name === 'LeaseAlreadyTerminated') await this.onLeaseClosed(leaseId);
      else this.closing.delete(key);
    }
  }

  /** The server's lease lookup: tracked leases, else the chain (a match not yet seen in the logs). */
  async lookupLease(leaseId: bigint): Promise<LeaseInfo | null> {
    const tracked = this.o.registry.get(leaseId) ?? (await this.adopt(leaseId).catch(() => null));
    if (tracked === null || tracked === undefined) return null;
    return { leaseId, tenant: tracked.tenant, active: !this.closing.has(leaseId.toString()) };
  }

  /** Stops timers (daemon shutdown). */
  stop(): void {
    for (const t of this.watchdogs.values()) clearTimeout(t);
    this.watchdogs.clear();
  }
}
