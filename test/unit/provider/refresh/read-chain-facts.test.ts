import { describe, expect, it } from '@jest/globals';
import { encodeOrder } from '../../../../provider/marketplace/encode-order.js';
import type {
  Marketplace,
  ProviderClient,
} from '../../../../provider/marketplace/marketplace-types.js';
import { readChainFacts } from '../../../../provider/refresh/read-chain-facts.js';
import { instance, testNetwork } from '../resources/resource-fixtures.js';

// One live lease of stack `shop` on one provider; the provider client counts status requests.
const TENANT = '0x00000000000000000000000000000000000000aa';
const PROVIDER = '0x00000000000000000000000000000000000000bb';
const spec = encodeOrder({
  stack: 'shop',
  instance: 'web',
  model: instance(),
  slot: { key: '0', replicas: 1, region: null },
  network: testNetwork(),
}).spec;

function fakes() {
  const asked: string[] = [];
  const marketplace = {
    blockNumber: async () => 100,
    tenantLeaseIds: async () => ({ active: [7n], all: [7n] }),
    readLeases: async (ids: readonly bigint[]) =>
      ids.map((id) => ({
        leaseId: id,
        fizzId: 0n,
        requestId: id,
        acceptedPrice: 1n,
        provider: PROVIDER,
        tenant: TENANT,
        startBlock: 90,
        startTime: 0,
        endTime: 0,
        state: 'active' as const,
      })),
    readOrders: async (ids: readonly bigint[]) =>
      ids.map((id) => ({
        id,
        maxPrice: 1n,
        numOfBlocks: 3600n,
        token: testNetwork().tokens[0]?.address ?? '',
        creator: TENANT,
        state: 'matched' as const,
        spec,
        version: 1,
        mode: 'provider' as const,
        tiers: [],
      })),
    readProviders: async (addrs: readonly string[]) =>
      addrs.map((address) => ({
        address,
        hostUri: 'p.example:8443',
        certificate: null,
        status: 'active' as const,
        tier: 0,
        region: null,
        spec: '',
      })),
  } as unknown as Marketplace;
  const providerClient = {
    leaseStatus: async (_p: unknown, id: bigint) => {
      asked.push(id.toString());
      return { ok: true, value: { services: {}, forwardedPorts: {} } };
    },
  } as unknown as ProviderClient;
  return { marketplace, providerClient, asked };
}

describe('readChainFacts', () => {
  it('GIVEN --refresh=chain (providerStatus false) WHEN read THEN the chain facts are the same and no provider is asked', async () => {
    const f = fakes();
    const facts = await readChainFacts({
      ...f,
      tenant: TENANT,
      stack: 'shop',
      prior: null,
      providerStatus: false,
    });
    expect([...facts.leases.keys()]).toEqual(['7']);
    expect(f.asked).toEqual([]);
    expect(facts.statuses.size).toBe(0);
  });
});
