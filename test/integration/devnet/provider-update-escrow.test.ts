import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ZeroAddress } from 'ethers';
import type { ProviderDaemon } from '../../../devnet/provider-daemon/index.js';
import {
  bidAndMatch,
  callWorkload,
  createOrder,
  orderDetails,
  putManifest,
  send,
  startProviderFixture,
  waitFor,
  waitReady,
  webManifest,
  webSpec,
} from './provider-fixture.js';
import type { ProviderFixture } from './provider-fixture.js';

// An accepted update whose new lock the tenant's escrow cannot cover: updateInitialOrder passes
// (the contract counts every lock the wallet holds), but updateOrder only frees this lease's
// unspent lock and reverts. The provider must commit the update on chain before it runs the new
// manifest, so the old manifest keeps running and the PUT says why.
let f: ProviderFixture;
let p1: ProviderDaemon;
let leaseId = 0n;

const escrow = async (): Promise<{ locked: bigint; unlocked: bigint }> => {
  const d = (await f.tenant.c.EscrowUser.getFunction('getUserData')(
    f.tenant.wallet.address,
    f.usdt,
    false,
  )) as [bigint, bigint];
  return { locked: d[0], unlocked: d[1] };
};
const lease = async (): Promise<unknown[]> =>
  (await f.tenant.c.ComputeLease.getFunction('leases')(leaseId)) as unknown[];
const leaseUpdatedSince = async (from: number): Promise<number> =>
  (await f.tenant.c.Bid.queryFilter(f.tenant.c.Bid.filters['LeaseUpdated']?.() ?? '*', from))
    .length;
const workloadBody = async (): Promise<Record<string, unknown>> => {
  const status = await waitReady(f, p1.hostUri, leaseId, 1);
  const port = status.forwarded_ports?.['web']?.[0]?.externalPort ?? 0;
  return JSON.parse((await callWorkload(port)).body) as Record<string, unknown>;
};

beforeAll(async () => {
  f = await startProviderFixture();
  p1 = await f.startProvider(1);
  // A long lease holds a large lock, so updateInitialOrder's check (unlocked + all locked) passes.
  const hold = await createOrder(f, webSpec('hold', p1.address), 100_000n);
  await bidAndMatch(f, hold, p1.address);
  leaseId = await createOrder(f, webSpec('web', p1.address));
  await bidAndMatch(f, leaseId, p1.address);
  const put = await putManifest(f, p1.hostUri, leaseId, webManifest('shop/web:1', ['MODE=blue']));
  expect(put.status).toBe(200);
  // Nothing unlocked is left: the update can only use what settling this lease frees.
  const { unlocked } = await escrow();
  await send(f.tenant.c.EscrowUser.getFunction('withdraw')(f.usdt, unlocked, ZeroAddress));
}, 120_000);

afterAll(async () => {
  await f.stop();
});

describe('provider daemon: an update the escrow cannot lock', () => {
  let from = 0;
  let before: unknown[] = [];

  it('GIVEN an accepted update WHEN its manifest is PUT and updateOrder reverts THEN 422 names the shortfall and the old manifest keeps running', async () => {
    expect(await workloadBody()).toMatchObject({ image: 'shop/web:1', env: ['MODE'] });
    before = await lease();
    from = await f.rpc.getBlockNumber();
    await send(
      f.tenant.c.OrderRequest.getFunction('updateInitialOrder')(
        leaseId,
        orderDetails(f, webSpec('web', p1.address)),
      ),
    );
    await waitFor('UpdateRequestAccepted', async () =>
      (await f.tenant.c.Bid.getFunction('orderUpdateAcceptance')(p1.address, leaseId))
        ? true
        : undefined,
    );
    const put = await putManifest(
      f,
      p1.hostUri,
      leaseId,
      webManifest('shop/web:2', ['MODE=green', 'EXTRA=1']),
    );
    expect(put.status).toBe(422);
    expect(put.body).toContain('devnet-provider/update-not-committed');
    expect(put.body).toMatch(/InsufficientBalance.*available [\d.]+ USDT, required [\d.]+ USDT/);
    expect(put.body).toContain('keeps running its current manifest');
    expect(await workloadBody()).toMatchObject({ image: 'shop/web:1', env: ['MODE'] });
    expect(await leaseUpdatedSince(from)).toBe(0);
    expect(await lease()).toEqual(before);
  });

  it('GIVEN the refused update WHEN escrow is deposited and the manifest is PUT again THEN the update commits first and the new manifest runs', async () => {
    const amount = 10_000_000n;
    await send(
      f.tenant.c.token('USDT').getFunction('approve')(f.book.contracts.EscrowUser, amount),
    );
    await send(f.tenant.c.EscrowUser.getFunction('deposit')(f.usdt, amount));
    const put = await putManifest(
      f,
      p1.hostUri,
      leaseId,
      webManifest('shop/web:2', ['MODE=green', 'EXTRA=1']),
    );
    expect(put).toEqual({ status: 200, body: '' });
    // Committed before the PUT was answered: the event is already on chain.
    expect(await leaseUpdatedSince(from)).toBe(1);
    expect(await workloadBody()).toMatchObject({ image: 'shop/web:2', env: ['MODE', 'EXTRA'] });
  });
});
