/**
 * Batched reads through Multicall3 `aggregate3`: N calls become ⌈N/500⌉ eth_calls, sent together
 * as one JSON-RPC batch, so reading N leases costs O(1) round trips.
 */
import type { JsonRpcProvider } from 'ethers';
import { marketplaceInterfaces } from './contract-interfaces.js';

/** One read: the target contract and its ABI-encoded calldata. */
export interface ReadCall {
  readonly target: string;
  readonly data: string;
}

/** Calls per aggregate3; keeps each eth_call well under node gas and response limits. */
export const MULTICALL_CHUNK = 500;

/** Runs `calls`; each result is the return data, or null when that call reverted. */
export async function multicallRead(
  provider: JsonRpcProvider,
  multicall: string,
  calls: readonly ReadCall[],
): Promise<(string | null)[]> {
  if (calls.length === 0) return [];
  const iface = marketplaceInterfaces().Multicall3;
  const chunks: ReadCall[][] = [];
  for (let i = 0; i < calls.length; i += MULTICALL_CHUNK)
    chunks.push(calls.slice(i, i + MULTICALL_CHUNK));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const data = iface.encodeFunctionData('aggregate3', [
        chunk.map((c) => ({ target: c.target, allowFailure: true, callData: c.data })),
      ]);
      const raw = await provider.call({ to: multicall, data });
      const [decoded] = iface.decodeFunctionResult('aggregate3', raw) as unknown as [
        readonly (readonly [boolean, string])[],
      ];
      return decoded.map(([ok, ret]) => (ok ? ret : null));
    }),
  );
  return results.flat();
}
