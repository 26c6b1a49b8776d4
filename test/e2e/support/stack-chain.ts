import { JsonRpcProvider } from 'ethers';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import { decodeOrderSpec } from '../../../wire/order-spec.js';
import { decodeStackTag } from '../../../provider/marketplace/stack-tag.js';
import type { DevnetUp } from './e2e-devnet.js';

/** One active lease on chain, with the slot its order's spec tag names. */
export interface ChainLease {
  readonly leaseId: string;
  readonly provider: string;
  readonly instance: string;
  readonly key: string;
}

/** A read-only view of the devnet chain, independent of Leasehold's own marketplace client. */
export interface StackChain {
  /** The tenant's active leases whose order spec tag is `lh1.<stack>.…`, by lease id. */
  activeLeases(stack: string, tenant?: string): Promise<ChainLease[]>;
  /** Every order ever created whose spec tag is `lh1.<stack>.…` (any creator, any state). */
  orders(stack: string): Promise<{ orderId: string; instance: string; key: string }[]>;
  /** Transactions sent by `address` so far (its nonce at the latest block). */
  nonce(address?: string): Promise<number>;
  /** 0 active, 1 terminated, as ComputeLease stores it. */
  leaseState(leaseId: string): Promise<number>;
  close(): void;
}

/** Connects to the devnet of `up`; the default tenant is its development wallet. */
export function stackChain(up: DevnetUp): StackChain {
  const rpc = new JsonRpcProvider(up.rpcUrl, up.chainId, { staticNetwork: true, cacheTimeout: -1 });
  const c = connectContracts(up.addressBook, rpc);
  const tenantOf = (t: string | undefined): string => t ?? up.devWallet.address;
  return {
    activeLeases: async (stack, tenant) => {
      const [active] = (await c.ComputeLease.getFunction('getTenantLeases')(tenantOf(tenant))) as [
        bigint[],
        bigint[],
      ];
      const out: ChainLease[] = [];
      for (const id of active) {
        const order = (await c.OrderRequest.getFunction('getOrderById')(id)) as {
          specs: { specs: string };
        };
        const tag = tagOf(order.specs.specs);
        if (tag === null || tag.stack !== stack) continue;
        const [provider] = (await c.ComputeLease.getFunction('getLeaseDetails')(id)) as [string];
        out.push({ leaseId: id.toString(), provider: provider.toLowerCase(), ...tag });
      }
      return out.sort((a, b) => Number(BigInt(a.leaseId) - BigInt(b.leaseId)));
    },
    orders: async (stack) => {
      const all = (await c.OrderRequest.getFunction('getAllOrders')()) as {
        id: bigint;
        specs: { specs: string };
      }[];
      // A plain array first: ethers' Result is an Array subclass whose constructor takes items,
      // so Array methods that build a new array through it (flatMap on an empty Result) return
      // [0] — an "order" that does not exist.
      return [...all].flatMap((o) => {
        const tag = tagOf(o.specs.specs);
        return tag === null || tag.stack !== stack ? [] : [{ orderId: o.id.toString(), ...tag }];
      });
    },
    nonce: (address) => rpc.getTransactionCount(tenantOf(address), 'latest'),
    leaseState: async (leaseId) => {
      const [, , state] = (await c.ComputeLease.getFunction('getLeaseDetails')(leaseId)) as [
        string,
        string,
        bigint,
      ];
      return Number(state);
    },
    close: () => rpc.destroy(),
  };
}

/** The stack tag of an order spec; null for orders that are not Leasehold's (or not parseable). */
function tagOf(spec: string) {
  try {
    return decodeStackTag(decodeOrderSpec(spec).name);
  } catch {
    return null;
  }
}
