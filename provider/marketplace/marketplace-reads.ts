/** The batched chain reads of the marketplace client (Multicall3 for every per-id read). */
import type { Interface } from 'ethers';
import type { CountingProvider } from './counting-provider.js';
import { marketplaceInterfaces } from '../../wire/contract-interfaces.js';
import {
  toBidInfo,
  toLeaseInfo,
  toOrderInfo,
  toProviderInfo,
  toProviderInfoFromStruct,
} from './decode-chain.js';
import type {
  BidInfo,
  EscrowBalance,
  LeaseInfo,
  OrderInfo,
  ProviderInfo,
} from './marketplace-types.js';
import { decodeAbi } from './decode-abi.js';
import { encodeCall } from './encode-call.js';
import { multicallRead } from './multicall.js';
import type { ResolvedNetwork } from '../network/network-types.js';

/** What the reads need: the provider and where the contracts are. */
export interface ReadContext {
  readonly provider: CountingProvider;
  readonly network: ResolvedNetwork;
}

async function callOne(
  ctx: ReadContext,
  to: string,
  iface: Interface,
  fn: string,
  args: readonly unknown[],
) {
  const fragment = iface.getFunction(fn);
  if (fragment === null) throw new Error(`the ABI has no function ${fn}`);
  const raw = await ctx.provider.call({ to, data: iface.encodeFunctionData(fragment, args) });
  // An empty answer (no contract at `to`) is what ethers reports as BAD_DATA: keep that error.
  if (raw === '0x' && fragment.outputs.length > 0) return iface.decodeFunctionResult(fragment, raw);
  return decodeAbi(fragment.outputs, Buffer.from(raw.slice(2), 'hex'));
}

/**
 * One Multicall3 batch of `fn` over `args`. Return data is decoded by the lean decoder (plain
 * arrays, lowercase addresses) straight from the response bytes: with thousands of results,
 * ethers' Result path cost refresh most of its time and memory.
 */
async function batch<T>(
  ctx: ReadContext,
  to: string,
  iface: Interface,
  fn: string,
  args: readonly (readonly unknown[])[],
  decode: (r: readonly unknown[], i: number) => T | null,
): Promise<(T | null)[]> {
  const fragment = iface.getFunction(fn);
  if (fragment === null) throw new Error(`the ABI has no function ${fn}`);
  const calls = args.map((a) => ({ target: to, data: encodeCall(iface, fragment, a) }));
  const raw = await multicallRead(ctx.provider, ctx.network.book.contracts.Multicall3, calls);
  return raw.map((ret, i) => (ret === null ? null : decode(decodeAbi(fragment.outputs, ret), i)));
}

/** `getTenantLeases(tenant)` → active and all lease ids. */
export async function readTenantLeaseIds(ctx: ReadContext, tenant: string) {
  const i = marketplaceInterfaces();
  const r = await callOne(
    ctx,
    ctx.network.book.contracts.ComputeLease,
    i.ComputeLease,
    'getTenantLeases',
    [tenant],
  );
  const ids = (v: unknown): bigint[] => [...(v as readonly bigint[])].map((x) => BigInt(x));
  return { active: ids(r[0]), all: ids(r[1]) };
}

/** `leases(id)` for every id, one batch. */
export function readLeases(
  ctx: ReadContext,
  ids: readonly bigint[],
): Promise<(LeaseInfo | null)[]> {
  const i = marketplaceInterfaces();
  return batch(
    ctx,
    ctx.network.book.contracts.ComputeLease,
    i.ComputeLease,
    'leases',
    ids.map((id) => [id]),
    (r) => toLeaseInfo(r),
  );
}

/** `getOrderById(id)` for every id, one batch (an unknown id reverts → null). */
export function readOrders(
  ctx: ReadContext,
  ids: readonly bigint[],
): Promise<(OrderInfo | null)[]> {
  const i = marketplaceInterfaces();
  return batch(
    ctx,
    ctx.network.book.contracts.OrderRequest,
    i.OrderRequest,
    'getOrderById',
    ids.map((id) => [id]),
    (r) => toOrderInfo(r[0] as readonly unknown[]),
  );
}

/** `getProviderByAddress(a)` for every address, one batch. */
export function readProviders(
  ctx: ReadContext,
  addresses: readonly string[],
): Promise<(ProviderInfo | null)[]> {
  const i = marketplaceInterfaces();
  return batch(
    ctx,
    ctx.network.book.contracts.ProviderRegistry,
    i.ProviderRegistry,
    'getProviderByAddress',
    addresses.map((a) => [a]),
    (r, n) => toProviderInfo(addresses[n] ?? '', r),
  );
}

/** `getUserData(tenant, token, false)` → locked and unlocked escrow. */
export async function readEscrowBalance(
  ctx: ReadContext,
  tenant: string,
  token: string,
): Promise<EscrowBalance> {
  const i = marketplaceInterfaces();
  const r = await callOne(ctx, ctx.network.book.contracts.EscrowUser, i.EscrowUser, 'getUserData', [
    tenant,
    token,
    false,
  ]);
  const data = r[0] as readonly unknown[];
  return { locked: BigInt(data[0] as bigint), unlocked: BigInt(data[1] as bigint) };
}

/** ERC-20 `balanceOf(owner)`. */
export async function readTokenBalance(
  ctx: ReadContext,
  owner: string,
  token: string,
): Promise<bigint> {
  const r = await callOne(ctx, token, marketplaceInterfaces().Erc20, 'balanceOf', [owner]);
  return BigInt(r[0] as bigint);
}

/** `getAllProviders()`: every registered provider. */
export async function readAllProviders(ctx: ReadContext): Promise<ProviderInfo[]> {
  const i = marketplaceInterfaces();
  const r = await callOne(
    ctx,
    ctx.network.book.contracts.ProviderRegistry,
    i.ProviderRegistry,
    'getAllProviders',
    [],
  );
  return [...(r[0] as readonly (readonly unknown[])[])].flatMap((p) => {
    const info = toProviderInfoFromStruct(p);
    return info === null ? [] : [info];
  });
}

/** `getAllBidsForOrder(orderId)`. */
export async function readBids(ctx: ReadContext, orderId: bigint): Promise<BidInfo[]> {
  const i = marketplaceInterfaces();
  const r = await callOne(ctx, ctx.network.book.contracts.Bid, i.Bid, 'getAllBidsForOrder', [
    orderId,
  ]);
  return [...(r[0] as readonly (readonly unknown[])[])].map(toBidInfo);
}
