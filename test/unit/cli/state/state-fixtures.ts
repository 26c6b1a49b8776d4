import type { LeaseRecord, ResourceState, StackState } from '../../../../cli/state/state-types.js';

// Hand-built states for the state unit tests: one instance with two slots and a health check.
export const LINEAGE = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** One ready lease in slot `key`. */
export function lease(key: string, leaseId: string): LeaseRecord {
  return {
    key,
    status: 'ready',
    orderId: leaseId,
    leaseId,
    provider: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
    host: 'https://127.0.0.1:8443',
    region: 'us-east',
    acceptedPrice: '1000000000000000',
    token: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
    replicas: 1,
    specHash: 'sha256:' + 'a'.repeat(64),
    manifestHash: 'sha256:' + 'b'.repeat(64),
    startBlock: 12,
    numOfBlocks: 3600,
    endpoints: ['http://127.0.0.1:30001'],
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** An instance resource with these leases. */
export function instance(name: string, leases: readonly LeaseRecord[]): ResourceState {
  return {
    address: `instance.${name}`,
    type: 'instance',
    name,
    attributes: { image: 'nginx:1.27', secrets: { API_KEY: { fromEnv: 'API_KEY' } } },
    modelHash: 'sha256:' + 'c'.repeat(64),
    leases,
  };
}

/** A stack `shop` with `instance.web` (slots 0 and 1) and `health_check.web`. */
export function sampleState(overrides: Partial<StackState> = {}): StackState {
  return {
    formatVersion: 1,
    stack: 'shop',
    lineage: LINEAGE,
    serial: 3,
    network: { name: 'local', chainId: 31337 },
    tenant: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
    resources: [
      {
        address: 'health_check.web',
        type: 'health_check',
        name: 'web',
        attributes: { path: '/healthz' },
        modelHash: 'sha256:' + 'd'.repeat(64),
        leases: [],
      },
      instance('web', [lease('0', '7'), lease('1', '8')]),
    ],
    outputs: { url: { value: 'http://127.0.0.1:30001', sensitive: false } },
    journal: [],
    ...overrides,
  };
}
