import { describe, expect, it } from '@jest/globals';
import {
  providerName,
  providerRegion,
  toLeaseInfo,
  toOrderInfo,
  toProviderInfo,
} from '../../../../provider/marketplace/decode-chain.js';
import { providerBaseUrl } from '../../../../provider/marketplace/provider-client.js';
import { toLeaseStatus } from '../../../../provider/marketplace/to-lease-status.js';

const A = '0xAbCdEf0000000000000000000000000000000001';
const ZERO = '0x0000000000000000000000000000000000000000';

describe('decode chain values', () => {
  it('GIVEN a lease tuple WHEN decoded THEN addresses are lowercase and state is named; the empty struct is null', () => {
    expect(toLeaseInfo([5n, 0n, 5n, 7n, A, A, 10n, 100n, 0n, 1n])).toMatchObject({
      leaseId: 5n,
      provider: A.toLowerCase(),
      startBlock: 10,
      state: 'terminated',
    });
    expect(toLeaseInfo([0n, 0n, 0n, 0n, ZERO, ZERO, 0n, 0n, 0n, 0n])).toBeNull();
  });

  it('GIVEN an order tuple WHEN decoded THEN state, mode and tiers are named', () => {
    expect(toOrderInfo([3n, 9n, 100n, A, A, 3n, ['{n:x}', 1n, 0n, [1n, 2n]]])).toMatchObject({
      id: 3n,
      state: 'matched',
      mode: 'fizz',
      tiers: [1, 2],
      spec: '{n:x}',
    });
  });

  it('GIVEN a registered and an unknown provider WHEN decoded THEN region and certificate are read, unknown is null', () => {
    expect(
      toProviderInfo(A, ['{n:p1,r:us-east,a:[]}', '127.0.0.1:9', 'PEM', [], 2n, 1n, 0n, A]),
    ).toMatchObject({
      address: A.toLowerCase(),
      region: 'us-east',
      status: 'active',
      certificate: 'PEM',
    });
    expect(toProviderInfo(A, ['', '', '', [], 0n, 0n, 0n, ZERO])).toBeNull();
    expect(providerRegion('{"Name":"p","Region":"eu-central"}')).toBe('eu-central');
    expect(providerRegion('garbage{')).toBeNull();
  });

  it('GIVEN provider specs WHEN the name is read THEN the compact n or the JSON Name (issue 11 item 4)', () => {
    expect(providerName('{n:atlantic-2,r:us-east,a:[{k:tier,v:4}]}')).toBe('atlantic-2');
    expect(providerName('{"Name":"rhine-1","Region":"eu-central"}')).toBe('rhine-1');
    expect(providerName('{r:us-east}')).toBeNull();
    expect(providerName('garbage{')).toBeNull();
  });

  it('GIVEN host URIs WHEN turned into base URLs THEN port 8443 is added only when missing', () => {
    expect(providerBaseUrl('provider.example.com')).toBe('https://provider.example.com:8443');
    expect(providerBaseUrl('127.0.0.1:4100')).toBe('https://127.0.0.1:4100');
    expect(providerBaseUrl('https://p.example.com:8543/')).toBe('https://p.example.com:8543');
    // A fizz lease (fizzId ≠ 0) goes to the provider's fizz gateway.
    expect(providerBaseUrl('provider.example.com', 5n)).toBe('https://provider.example.com:8543');
  });

  it('GIVEN an Akash lease status WHEN read THEN services and forwarded ports are typed', () => {
    const s = toLeaseStatus({
      services: { web: { name: 'web', available: 2, total: 3, ready_replicas: 2, uris: null } },
      forwarded_ports: {
        web: [{ host: '127.0.0.1', port: 80, externalPort: 31000, proto: 'TCP', name: 'web' }],
      },
    });
    expect(s.services['web']).toEqual({
      name: 'web',
      available: 2,
      total: 3,
      readyReplicas: 2,
      uris: [],
    });
    expect(s.forwardedPorts['web']?.[0]?.externalPort).toBe(31000);
  });
});
