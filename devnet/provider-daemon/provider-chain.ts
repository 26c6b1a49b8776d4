/**
 * The daemon's chain edge: reads (leases, orders, registration), provider transactions sent one at
 * a time so nonces never collide, and a log poller over the four contracts it listens to. Reverts
 * come back as their custom-error names.
 */
import { JsonRpcProvider, Network, Wallet } from 'ethers';
import type { Contract, ContractTransactionResponse, Log, LogDescription } from 'ethers';
import type { AddressBook } from '../../wire/address-book.js';
import { connectContracts } from '../chain/connect-contracts.js';
import type { ConnectedContracts } from '../chain/connect-contracts.js';
import { decodeOrderSpec } from '../../wire/order-spec.js';
import type { OrderSpec } from '../../wire/order-spec.js';

/** An on-chain lease as the daemon needs it. */
export interface ChainLease {
  readonly leaseId: bigint;
  readonly provider: string;
  readonly tenant: string;
  readonly acceptedPrice: bigint;
  /** 0 active, 1 terminated. */
  readonly state: number;
}

/** An order (or a pending update) with its spec decoded; `spec` is null when it does not decode. */
export interface ChainOrder {
  readonly id: bigint;
  readonly maxPrice: bigint;
  readonly numOfBlocks: bigint;
  readonly token: string;
  readonly creator: string;
  readonly state: number;
  readonly spec: OrderSpec | null;
  readonly mode: number;
  readonly tiers: number[];
}

/** A decoded log of one of the watched contracts. */
export interface ChainEvent {
  readonly name: string;
  readonly args: LogDescription['args'];
  readonly blockNumber: number;
}

/** The chain edge of one provider. */
export interface ProviderChain {
  readonly address: string;
  readonly rpc: JsonRpcProvider;
  readonly c: ConnectedContracts;
  lease(leaseId: bigint): Promise<ChainLease>;
  order(orderId: bigint, pending?: boolean): Promise<ChainOrder>;
  leaseEndBlock(leaseId: bigint): Promise<bigint>;
  activeLeaseIds(): Promise<bigint[]>;
  /** Sends a transaction after the previous one was accepted; resolves with its receipt status. */
  send(label: string, fn: (c: ConnectedContracts) => Promise<unknown>): Promise<void>;
  /** Decoded logs of the watched contracts in [from, to]. */
  events(from: number, to: number): Promise<ChainEvent[]>;
  close(): void;
}

/** The custom-error name (or short message) of a failed call, for logs. */
export function revertName(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const e = err as { revert?: { name?: string } | null; shortMessage?: string; message?: string };
    return e.revert?.name ?? e.shortMessage ?? e.message ?? String(err);
  }
  return String(err);
}

/** A custom error decoded from a revert, by the ABI of whichever contract declares it. */
export interface DecodedChainRevert {
  readonly name: string;
  readonly args: readonly unknown[];
}

/**
 * Decodes the custom error of a failed call or send against every devnet contract's ABI: a revert
 * bubbles up from the contract that raised it (EscrowUser under Bid.updateOrder), which the called
 * contract's own ABI does not know. Null when there is no revert data or no ABI declares it.
 */
export function decodeChainRevert(c: ConnectedContracts, err: unknown): DecodedChainRevert | null {
  const data = revertData(err);
  if (data === null) return null;
  for (const contract of [c.Bid, c.ComputeLease, c.EscrowUser, c.OrderRequest]) {
    try {
      const parsed = contract.interface.parseError(data);
      if (parsed !== null) return { name: parsed.name, args: [...parsed.args] };
    } catch {
      // not this contract's error
    }
  }
  return null;
}

function revertData(err: unknown): string | null {
  let cur: unknown = err;
  for (let depth = 0; depth < 6 && typeof cur === 'object' && cur !== null; depth += 1) {
    const e = cur as {
      data?: unknown;
      info?: { error?: unknown };
      error?: unknown;
      cause?: unknown;
    };
    if (typeof e.data === 'string' && /^0x[0-9a-fA-F]{8}/.test(e.data)) return e.data;
    cur = e.error ?? e.info?.error ?? e.cause;
  }
  return null;
}

/** Connects a provider's wallet to the devnet. */
export function connectProviderChain(opts: {
  rpcUrl: string;
  book: AddressBook;
  privateKey: string;
}): ProviderChain {
  const rpc = new JsonRpcProvider(opts.rpcUrl, Network.from(opts.book.chainId), {
    staticNetwork: true,
    batchMaxCount: 1,
    cacheTimeout: -1,
    pollingInterval: 100,
  });
  const wallet = new Wallet(opts.privateKey, rpc);
  const c = connectContracts(opts.book, wallet);
  const watched = [c.OrderRequest, c.Bid, c.ComputeLease];
  let queue: Promise<unknown> = Promise.resolve();
  return {
    address: wallet.address,
    rpc,
    c,
    lease: async (leaseId) => {
      const l = (await c.ComputeLease.getFunction('leases')(leaseId)) as unknown[];
      return {
        leaseId,
        provider: String(l[4]),
        tenant: String(l[5]),
        acceptedPrice: BigInt(l[3] as bigint),
        state: Number(l[9]),
      };
    },
    order: async (orderId, pending = false) => {
      const fn = pending ? 'getPendingOrderById' : 'getOrderById';
      return toOrder((await c.OrderRequest.getFunction(fn)(orderId)) as unknown[]);
    },
    leaseEndBlock: async (leaseId) =>
      BigInt((await c.ComputeLease.getFunction('getLeaseEndBlock')(leaseId)) as bigint),
    activeLeaseIds: async () => {
      const r = (await c.ComputeLease.getFunction('getProviderLeases')(
        wallet.address,
      )) as unknown[];
      return [...((r[0] as bigint[] | undefined) ?? [])].map((x) => BigInt(x));
    },
    send: (label, fn) => {
      // Only submission is serialised (nonces); receipts are awaited concurrently.
      const submitted = queue.then(() => fn(c) as Promise<ContractTransactionResponse>);
      queue = submitted.catch(() => undefined);
      return submitted.then(async (tx) => {
        const receipt = await tx.wait();
        if (receipt?.status !== 1) throw new Error(`${label} failed in block`);
      });
    },
    events: async (from, to) => {
      const logs = await rpc.getLogs({
        address: watched.map((w) => w.target as string),
        fromBlock: from,
        toBlock: to,
      });
      return logs.flatMap((log) => decodeLog(watched, log));
    },
    close: () => rpc.destroy(),
  };
}

function decodeLog(watched: readonly Contract[], log: Log): ChainEvent[] {
  for (const w of watched) {
    if ((w.target as string).toLowerCase() !== log.address.toLowerCase()) continue;
    const parsed = w.interface.parseLog({ topics: [...log.topics], data: log.data });
    return parsed === null
      ? []
      : [{ name: parsed.name, args: parsed.args, blockNumber: log.blockNumber }];
  }
  return [];
}

function toOrder(o: unknown[]): ChainOrder {
  const specs = o[6] as unknown[];
  let spec: OrderSpec | null;
  try {
    spec = decodeOrderSpec(String(specs[0]));
  } catch {
    spec = null;
  }
  return {
    id: BigInt(o[0] as bigint),
    maxPrice: BigInt(o[1] as bigint),
    numOfBlocks: BigInt(o[2] as bigint),
    token: String(o[3]),
    creator: String(o[4]),
    state: Number(o[5]),
    spec,
    mode: Number(specs[2]),
    tiers: [...(specs[3] as Iterable<bigint>)].map(Number),
  };
}
