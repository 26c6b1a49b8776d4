import type { ProviderLeaseStatus } from '../marketplace/marketplace-types.js';

/**
 * Public endpoints of a lease from its provider status: forwarded ports as `http://host:port`,
 * and service URIs (given a scheme when they have none); sorted, without duplicates.
 */
export function leaseEndpoints(status: ProviderLeaseStatus): string[] {
  const out = new Set<string>();
  for (const ports of Object.values(status.forwardedPorts)) {
    for (const p of ports) out.add(`http://${p.host}:${p.externalPort}`);
  }
  for (const svc of Object.values(status.services)) {
    for (const uri of svc.uris) out.add(/^[a-z]+:\/\//.test(uri) ? uri : `http://${uri}`);
  }
  return [...out].sort();
}
