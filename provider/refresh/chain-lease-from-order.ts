import { createHash } from 'node:crypto';
import { decodeOrderSpec } from '../../wire/order-spec.js';
import type { LeaseInfo, OrderInfo, ProviderInfo } from '../marketplace/marketplace-types.js';
import { decodeStackTag } from '../marketplace/stack-tag.js';
import type { ChainLease } from './chain-lease.js';

/**
 * Reads one order (and its lease) as a {@link ChainLease}: null when its spec is not a Leasehold
 * tag, or not one Leasehold can decode — such orders are not ours to reconcile.
 */
export function chainLeaseFromOrder(
  order: OrderInfo,
  lease: LeaseInfo | null,
  provider: ProviderInfo | null,
): ChainLease | null {
  let spec;
  try {
    spec = decodeOrderSpec(order.spec);
  } catch {
    return null;
  }
  const tag = decodeStackTag(spec.name);
  if (tag === null) return null;
  const svc = spec.services[0];
  const region = spec.placement.find((a) => a.key === 'region')?.value ?? null;
  return {
    id: order.id.toString(),
    order,
    lease,
    tag,
    replicas: spec.services.reduce((n, s) => n + s.count, 0),
    region: region !== null && !region.includes(';') ? region : (provider?.region ?? null),
    cpu: svc?.resources.cpuMillis ?? 0,
    memory: String(svc?.resources.memoryBytes ?? 0),
    provider,
    specHash: `sha256:${createHash('sha256').update(order.spec, 'utf8').digest('hex')}`,
  };
}
