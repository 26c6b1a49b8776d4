// A hand-written model instance and network for the encoder tests (not a test file).
import type { InstanceModel } from '../../../../provider/spec/model-types.js';
import type { ResolvedNetwork } from '../../../../provider/network/network-types.js';
import { fromBook } from '../../../../provider/network/resolve-network.js';
import { NETWORK_PROFILES } from '../../../../provider/network/network-profiles.js';

/** The reference README example as a model: 8 CPU, 16Gi, 200Gi, 1 rtx4090, 10 USDT/h, 2 h. */
export const webInstance: InstanceModel = {
  image: 'nginx:1.27',
  credentials: null,
  command: [],
  args: [],
  env: { MODE: 'prod' },
  secrets: [{ name: 'DB_PASSWORD', fromEnv: 'WEB_DB_PASSWORD' }],
  ports: [{ port: 8080, as: 8080, proto: 'tcp', global: true, accept: [] }],
  resources: {
    cpu: 8000,
    memory: String(16 * 2 ** 30),
    storage: [
      {
        name: 'default',
        size: String(200 * 2 ** 30),
        persistent: false,
        class: null,
        mount: null,
        readOnly: false,
      },
    ],
    gpu: { units: 1, vendor: 'nvidia', models: ['rtx4090'], ram: null, interface: null },
  },
  count: 1,
  duration: 2 * 3600 * 1000,
  placement: {
    regions: ['us-central'],
    tiers: [3, 4, 5, 6],
    allowProviders: [],
    denyProviders: [],
    spread: 'none',
    mode: 'provider',
  },
  pricing: { token: 'USDT', amount: '10000000' },
  lifecycle: { createBeforeDestroy: true, preventDestroy: false },
};

const USDT = '0x96Ca5955F25648FB44C5D772BAdB4313000C66Fe';

/** A Base-like network (2 s blocks) whose only token is the reference's USDT. */
export const baseLike: ResolvedNetwork = (() => {
  const p = NETWORK_PROFILES.get('spheron-testnet');
  if (p === undefined) throw new Error('no testnet profile');
  return fromBook({
    name: 'test',
    rpcUrl: 'http://127.0.0.1:1',
    secondsPerBlock: 2,
    blockTimeSource: 'profile',
    book: { ...p.book, tokens: [{ symbol: 'USDT', address: USDT, decimals: 6 }] },
  });
})();
