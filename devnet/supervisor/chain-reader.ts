import type { AddressBook } from '../../wire/address-book.js';

/** The supervisor's read-only view of the chain, for `status` and lease-targeted faults. */
export interface ChainReader {
  readonly blockNumber: () => Promise<number>;
  /** Ids of the provider's active leases (`ComputeLease.getProviderLeases`, first array). */
  readonly activeLeases: (provider: string) => Promise<bigint[]>;
  /** The provider address of a lease, or null when no such lease exists. */
  readonly leaseProvider: (leaseId: bigint) => Promise<string | null>;
  /** True when the book's contracts have code on this chain (the saved state still holds them). */
  readonly hasContracts: () => Promise<boolean>;
  readonly close: () => void;
}

const ZERO = '0x0000000000000000000000000000000000000000';

/** Opens a read-only ethers view of the devnet contracts (ethers loaded lazily). */
export async function createChainReader(rpcUrl: string, book: AddressBook): Promise<ChainReader> {
  const { JsonRpcProvider } = await import('ethers');
  const { connectContracts } = await import('../chain/connect-contracts.js');
  const provider = new JsonRpcProvider(rpcUrl, book.chainId, {
    staticNetwork: true,
    cacheTimeout: -1,
  });
  const c = connectContracts(book, provider);
  return {
    blockNumber: () => provider.getBlockNumber(),
    activeLeases: async (address) => {
      const res = (await c.ComputeLease.getFunction('getProviderLeases')(address)) as unknown[];
      return [...((res[0] ?? []) as bigint[])];
    },
    leaseProvider: async (leaseId) => {
      const lease = (await c.ComputeLease.getFunction('leases')(leaseId)) as unknown[];
      const provider = lease[4] as string | undefined;
      return provider === undefined || provider === ZERO ? null : provider;
    },
    hasContracts: async () => {
      const codes = await Promise.all(
        Object.values(book.contracts).map((a: string) => provider.getCode(a)),
      );
      return codes.every((code) => code !== '0x');
    },
    close: () => provider.destroy(),
  };
}
