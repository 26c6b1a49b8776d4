/**
 * ethers Interfaces of the marketplace contracts, built from the compiled ABI artifacts (the same
 * ones the devnet deploys, reference §1.4). Built once per process.
 */
import { Interface } from 'ethers';
import type { InterfaceAbi } from 'ethers';
import { loadArtifact } from './artifacts.js';
import { spheronErrorFragments } from './spheron-abi-errors.js';

/** The interfaces the client encodes and decodes with. */
export interface MarketplaceInterfaces {
  readonly OrderRequest: Interface;
  readonly Bid: Interface;
  readonly ComputeLease: Interface;
  readonly EscrowUser: Interface;
  readonly ProviderRegistry: Interface;
  readonly Multicall3: Interface;
  readonly Erc20: Interface;
  /**
   * Every custom error of every devnet contract and of Spheron's deployed ones
   * (spheron-abi-errors.ts), for decoding reverts from any of them. Overloads are kept apart by
   * selector: look one up by its full signature (`InsufficientBalance()`).
   */
  readonly errors: Interface;
}

let cached: MarketplaceInterfaces | undefined;

/** Loads (once) the interfaces from artifacts/contracts. */
export function marketplaceInterfaces(): MarketplaceInterfaces {
  if (cached !== undefined) return cached;
  const names = [
    'OrderRequest',
    'Bid',
    'ComputeLease',
    'EscrowUser',
    'ProviderRegistry',
    'Multicall3',
  ] as const;
  const abis = new Map(names.map((n) => [n, loadArtifact(n).abi] as const));
  const erc20 = loadArtifact('TestToken').abi;
  const iface = (abi: InterfaceAbi | undefined): Interface => new Interface(abi ?? []);
  const seen = new Set<string>();
  const errorFragments: string[] = [];
  // Devnet artifacts first, then mainnet's list: one fragment per selector, so a shared error
  // (OrderNotFound()) appears once and an overload (InsufficientBalance()) is added beside the
  // devnet's InsufficientBalance(uint256,uint256).
  for (const abi of [...abis.values(), erc20, spheronErrorFragments()]) {
    for (const f of new Interface(abi).fragments) {
      if (f.type !== 'error') continue;
      const sig = f.format('full');
      if (seen.has(f.format('sighash'))) continue;
      seen.add(f.format('sighash'));
      errorFragments.push(sig);
    }
  }
  cached = {
    OrderRequest: iface(abis.get('OrderRequest')),
    Bid: iface(abis.get('Bid')),
    ComputeLease: iface(abis.get('ComputeLease')),
    EscrowUser: iface(abis.get('EscrowUser')),
    ProviderRegistry: iface(abis.get('ProviderRegistry')),
    Multicall3: iface(abis.get('Multicall3')),
    Erc20: iface(erc20),
    errors: new Interface(errorFragments),
  };
  return cached;
}
