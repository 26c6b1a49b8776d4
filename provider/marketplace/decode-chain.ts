/**
 * Contract return values → the client's types (enums named, addresses lowercased). Pure over the
 * decoded ethers Results, so the shapes are tested without a chain.
 */
import { fromCompactText } from '../../wire/compact-text.js';
import type {
  BidInfo,
  LeaseInfo,
  OrderInfo,
  OrderStateName,
  ProviderInfo,
  ProviderStatusName,
} from './marketplace-types.js';

const ORDER_STATES: readonly OrderStateName[] = ['open', 'provisioned', 'closed', 'matched'];
const PROVIDER_STATUSES: readonly ProviderStatusName[] = [
  'unregistered',
  'registered',
  'active',
  'maintenance',
  'suspended',
  'deactivated',
];
const ZERO = '0x0000000000000000000000000000000000000000';

const big = (v: unknown): bigint => BigInt(v as bigint | number | string);
const num = (v: unknown): number => Number(big(v));
const addr = (v: unknown): string => String(v).toLowerCase();

/** `ComputeLease.leases(id)` → LeaseInfo; null for the empty struct of an unknown id. */
export function toLeaseInfo(r: readonly unknown[]): LeaseInfo | null {
  const leaseId = big(r[0]);
  if (leaseId === 0n) return null;
  return {
    leaseId,
    fizzId: big(r[1]),
    requestId: big(r[2]),
    acceptedPrice: big(r[3]),
    provider: addr(r[4]),
    tenant: addr(r[5]),
    startBlock: num(r[6]),
    startTime: num(r[7]),
    endTime: num(r[8]),
    state: num(r[9]) === 0 ? 'active' : 'terminated',
  };
}

/** `OrderRequest.getOrderById(id)` (one Order tuple) → OrderInfo; null for an empty order. */
export function toOrderInfo(o: readonly unknown[]): OrderInfo | null {
  const id = big(o[0]);
  if (id === 0n) return null;
  const specs = o[6] as readonly unknown[];
  return {
    id,
    maxPrice: big(o[1]),
    numOfBlocks: big(o[2]),
    token: addr(o[3]),
    creator: addr(o[4]),
    state: ORDER_STATES[num(o[5])] ?? 'closed',
    spec: String(specs[0]),
    version: num(specs[1]),
    mode: num(specs[2]) === 0 ? 'fizz' : 'provider',
    tiers: [...(specs[3] as readonly unknown[])].map(num),
  };
}

/** `ProviderRegistry.getProviderByAddress(a)` → ProviderInfo; null when not registered. */
export function toProviderInfo(address: string, r: readonly unknown[]): ProviderInfo | null {
  const spec = String(r[0]);
  const hostUri = String(r[1]);
  const status = num(r[4]);
  if (hostUri === '' && spec === '' && status === 0 && addr(r[7]) === ZERO) return null;
  const certificate = String(r[2]);
  return {
    address: address.toLowerCase(),
    hostUri,
    certificate: certificate.trim() === '' ? null : certificate,
    status: PROVIDER_STATUSES[status] ?? 'unregistered',
    tier: num(r[5]),
    region: providerRegion(spec),
    spec,
    tokens: Array.isArray(r[3]) ? (r[3] as readonly unknown[]).map(addr) : [],
  };
}

/** One `getAllProviders()` entry (the 10-field ProviderInfo struct) → ProviderInfo. */
export function toProviderInfoFromStruct(p: readonly unknown[]): ProviderInfo | null {
  // Reordered into getProviderByAddress's 8 fields, so both decode one way.
  return toProviderInfo(addr(p[1]), [p[3], p[4], p[5], p[2], p[6], p[7], p[8], p[9]]);
}

/** One `getAllBidsForOrder` entry → BidInfo. */
export function toBidInfo(b: readonly unknown[]): BidInfo {
  return { provider: addr(b[1]), price: big(b[2]), state: num(b[5]) };
}

/** The region of a provider spec, JSON (`Region`) or compact (`r`) form (reference §1.4). */
export function providerRegion(spec: string): string | null {
  try {
    const parsed: unknown = JSON.parse(spec);
    if (typeof parsed === 'object' && parsed !== null) {
      const region = (parsed as { Region?: unknown }).Region;
      return typeof region === 'string' && region !== '' ? region : null;
    }
  } catch {
    // Not JSON: the compact form below.
  }
  try {
    const v = fromCompactText(spec);
    if (typeof v === 'object' && !Array.isArray(v)) {
      const r = v['r'];
      return typeof r === 'string' && r !== '' ? r : null;
    }
  } catch {
    // An unreadable spec has no region we can report.
  }
  return null;
}
