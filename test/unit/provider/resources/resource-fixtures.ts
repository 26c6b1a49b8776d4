/** Builders shared by the resource, cost and refresh unit tests (not a test file itself). */
import type { LeaseRecord, ResourceState } from '../../../../cli/state/state-types.js';
import type { ResolvedNetwork } from '../../../../provider/network/network-types.js';
import type { InstanceModel } from '../../../../provider/spec/model-types.js';

export const USDT = '0x5fbdb2315678afecb367f032d93f642f64180aa3';

/** A devnet-like network: 1 s blocks, USDT with 6 decimals. */
export function testNetwork(secondsPerBlock = 1): ResolvedNetwork {
  const tokens = [{ symbol: 'USDT', address: USDT, decimals: 6 }];
  return {
    name: 'local',
    chainId: 31337,
    rpcUrl: 'http://127.0.0.1:8545',
    book: {
      chainId: 31337,
      contracts: {
        TokenRegistry: '0x1',
        EscrowUser: '0x2',
        ProviderRegistry: '0x3',
        OrderRequest: '0x4',
        Bid: '0x5',
        ComputeLease: '0x6',
        Multicall3: '0x7',
      },
      tokens,
      matcher: '0x8',
      deployBlock: 0,
    },
    secondsPerBlock,
    blockTimeSource: 'devnet',
    tokens,
    devWallet: true,
  };
}

/** An instance of `count` replicas at 1 USDT per replica-hour, spread none. */
export function instance(over: Partial<InstanceModel> = {}): InstanceModel {
  return {
    image: 'nginx:1.27',
    credentials: null,
    command: [],
    args: [],
    env: { LOG_LEVEL: 'info' },
    secrets: [{ name: 'API_KEY', fromEnv: 'WEB_API_KEY' }],
    ports: [{ port: 80, as: 80, proto: 'tcp', global: true, accept: [] }],
    resources: {
      cpu: 500,
      memory: '536870912',
      storage: [
        {
          name: 'default',
          size: '1073741824',
          persistent: false,
          class: null,
          mount: null,
          readOnly: false,
        },
      ],
      gpu: null,
    },
    count: 1,
    duration: 3_600_000,
    placement: {
      regions: [],
      tiers: [],
      allowProviders: [],
      denyProviders: [],
      spread: 'none',
      mode: 'provider',
    },
    pricing: { token: 'USDT', amount: '1000000' },
    lifecycle: { createBeforeDestroy: true, preventDestroy: false },
    ...over,
  };
}

/** A ready lease record of slot `key`. */
export function lease(key: string, over: Partial<LeaseRecord> = {}): LeaseRecord {
  const id = over.leaseId ?? String(100 + Number.parseInt(key, 36));
  return {
    key,
    status: 'ready',
    orderId: id,
    leaseId: id,
    provider: '0x90f79bf6eb2c4f870365e785982e1f101e93b906',
    host: '127.0.0.1:41001',
    region: null,
    acceptedPrice: '200000000000000', // 0.72 USDT per hour at 1 s blocks
    token: USDT,
    replicas: 1,
    specHash: 'sha256:00',
    manifestHash: 'sha256:11',
    startBlock: 10,
    numOfBlocks: 3600,
    endpoints: ['http://127.0.0.1:42001'],
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

/** The state of `instance.web` applied with `attributes` and holding `leases`. */
export function priorState(
  attributes: InstanceModel,
  leases: readonly LeaseRecord[],
): ResourceState {
  return {
    address: 'instance.web',
    type: 'instance',
    name: 'web',
    attributes,
    modelHash: 'sha256:prior',
    leases,
  };
}
