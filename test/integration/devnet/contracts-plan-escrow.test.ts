import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import { fromBook } from '../../../provider/network/resolve-network.js';
import type { ResolvedNetwork } from '../../../provider/network/network-types.js';
import { instanceSlotCost } from '../../../provider/resources/instance/instance-slot-cost.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';
import {
  escrowOf,
  iface,
  orderDetails,
  revertData,
  send,
  startChainFixture,
} from './contracts-fixture.js';
import type { ChainFixture } from './contracts-fixture.js';

// The escrow a plan counts for a new slot against what the real contracts require and lock, at
// several block times including 7 s (where a floored blocks-per-hour once made them disagree):
// createOrder's InsufficientBalance names the amount it requires, and a match at the max price
// locks it.
const DEPOSIT = 10_000_000_000n; // 10,000 USDT
const BLOCK_TIMES = [0.25, 1, 2, 7, 11, 12, 30];

const model: InstanceModel = {
  image: 'nginx:1.27',
  credentials: null,
  command: [],
  args: [],
  env: {},
  secrets: [],
  ports: [{ port: 8080, as: 80, proto: 'tcp', global: true, accept: [] }],
  resources: { cpu: 500, memory: String(2 ** 29), storage: [], gpu: null },
  count: 1,
  duration: 24 * 3_600_000,
  placement: {
    regions: [],
    tiers: [],
    allowProviders: [],
    denyProviders: [],
    spread: 'none',
    mode: 'provider',
  },
  pricing: { token: 'USDT', amount: '10000000' }, // 10 USDT per replica per hour
  lifecycle: { createBeforeDestroy: true, preventDestroy: false },
};

let f: ChainFixture;
const networkAt = (secondsPerBlock: number): ResolvedNetwork =>
  fromBook({
    name: 'local',
    rpcUrl: f.anvil.rpcUrl,
    secondsPerBlock,
    blockTimeSource: 'devnet',
    book: f.book,
  });

/** The plan's escrow for creating a 2-replica slot, and the order apply sends for it. */
function planAndOrder(secondsPerBlock: number) {
  const network = networkAt(secondsPerBlock);
  const cost = instanceSlotCost({
    action: 'create',
    desired: model,
    replicas: 2,
    priorAttributes: null,
    lease: null,
    network,
  });
  const order = encodeOrder({
    stack: 'shop',
    instance: 'web',
    model,
    slot: { key: '0', replicas: 2, region: null },
    network,
  });
  return { escrow: BigInt(cost?.escrowToLock ?? '-1'), order };
}

beforeAll(async () => {
  f = await startChainFixture(DEPOSIT);
});

afterAll(async () => {
  await f.stop();
});

describe('plan escrow against the devnet contracts', () => {
  it.each(BLOCK_TIMES)(
    'GIVEN %s s blocks WHEN a wallet without escrow orders THEN createOrder requires exactly the escrow the plan counts',
    async (secondsPerBlock) => {
      const { escrow, order } = planAndOrder(secondsPerBlock);
      const create = f.stranger.c.OrderRequest.getFunction('createOrder');
      const err = await create.staticCall(orderDetails(order)).then(
        () => null,
        (e: unknown) => e,
      );
      const parsed = iface('OrderRequest').parseError(revertData(err) ?? '0x');
      expect(parsed?.name).toBe('InsufficientBalance');
      expect(parsed?.args.toArray()).toEqual([0n, escrow]);
    },
  );

  it('GIVEN 7 s blocks WHEN the order is matched at its max price THEN the contracts lock exactly the plan escrow', async () => {
    const { escrow, order } = planAndOrder(7);
    const [lockedBefore, unlockedBefore] = await escrowOf(f, f.tenant.address, f.usdt);
    const receipt = await send(
      f.tenant.c.OrderRequest.getFunction('createOrder')(orderDetails(order)),
    );
    const created = receipt.logs
      .map((l) => f.tenant.c.OrderRequest.interface.parseLog(l))
      .find((l) => l?.name === 'OrderCreated');
    const orderId = created?.args[0] as bigint;
    const provider = f.providers[0]!;
    await send(provider.c.Bid.getFunction('placeBid')(orderId, order.maxPrice, 0n));
    await send(
      f.matcher.c.Bid.getFunction('matchOrder')(orderId, provider.address, order.maxPrice),
    );
    const [lockedAfter, unlockedAfter] = await escrowOf(f, f.tenant.address, f.usdt);
    expect(lockedAfter - lockedBefore).toBe(escrow);
    expect(unlockedBefore - unlockedAfter).toBe(escrow);
  });
});
