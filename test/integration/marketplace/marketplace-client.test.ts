// The marketplace client against a real devnet: leases created through the client are read back
// in batches whose round trips do not grow with the number of leases; errors decode; provider
// certificates are pinned.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Wallet } from 'ethers';
import { DEV_WALLET } from '../../../wire/dev-accounts.js';
import { ensureDevnet } from '../../../devnet/ensure-devnet.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { stopDevnet } from '../../../devnet/supervisor/stop-devnet.js';
import { createMarketplace } from '../../../provider/marketplace/create-marketplace.js';
import { encodeOrder } from '../../../provider/marketplace/encode-order.js';
import type { Marketplace, OrderMatch } from '../../../provider/marketplace/marketplace-types.js';
import { createProviderClient } from '../../../provider/marketplace/provider-client.js';
import { decodeStackTag } from '../../../provider/marketplace/stack-tag.js';
import { decodeOrderSpec } from '../../../wire/order-spec.js';
import { fromBook } from '../../../provider/network/resolve-network.js';
import type { ResolvedNetwork } from '../../../provider/network/network-types.js';
import type { InstanceModel } from '../../../provider/spec/model-types.js';

jest.setTimeout(120_000);
const home = mkdtempSync(join(tmpdir(), 'lh-market-'));
let info: DevnetInfo;
let network: ResolvedNetwork;
let m: Marketplace;
const matches: OrderMatch[] = [];
let orderIds: bigint[] = [];
// The devnet matcher takes a few seconds per order, so only the first few are awaited as leases.
const MATCHED = 4;

const tiny: InstanceModel = {
  image: 'nginx',
  credentials: null,
  command: [],
  args: [],
  env: {},
  secrets: [],
  ports: [{ port: 80, as: 80, proto: 'tcp', global: true, accept: [] }],
  resources: {
    cpu: 100,
    memory: String(64 * 2 ** 20),
    storage: [
      {
        name: 'default',
        size: String(2 ** 28),
        persistent: false,
        class: null,
        mount: null,
        readOnly: false,
      },
    ],
    gpu: null,
  },
  count: 1,
  duration: 3600_000,
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
};

beforeAll(async () => {
  info = await ensureDevnet({
    home,
    log: () => undefined,
    blockTime: 0.25,
    port: 0,
    startDelayMs: 100,
  });
  network = fromBook({
    name: 'local',
    rpcUrl: info.rpcUrl,
    secondsPerBlock: info.blockTime ?? 1,
    blockTimeSource: 'devnet',
    book: info.addressBook,
    devWallet: true,
  });
  m = await createMarketplace({ network, signer: (p) => new Wallet(DEV_WALLET.privateKey, p) });
  await m.approve('USDT', 500_000_000n);
  await m.deposit('USDT', 500_000_000n);
  const created = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      m.createOrder(
        encodeOrder({
          stack: 'bench',
          instance: 'web',
          model: tiny,
          slot: { key: String(i), replicas: 1, region: null },
          network,
        }),
      ),
    ),
  );
  orderIds = created.map((c) => c.orderId);
  const fromBlock = Math.min(...created.map((c) => c.blockNumber));
  const found = await Promise.all(
    created
      .slice(0, MATCHED)
      .map((c) => m.waitForMatch(c.orderId, { fromBlock, timeoutMs: 90_000, pollMs: 250 })),
  );
  for (const f of found) if (f !== null) matches.push(f);
}, 240_000);

afterAll(async () => {
  await m?.close();
  await stopDevnet({ home });
});

describe('marketplace client on the devnet', () => {
  it('GIVEN orders created through the client WHEN matched THEN they are active leases of the dev wallet, tagged for their stack', async () => {
    expect(matches.map((x) => x.orderId)).toEqual(orderIds.slice(0, MATCHED));
    const ids = await m.tenantLeaseIds(DEV_WALLET.address);
    expect(ids.active).toEqual(expect.arrayContaining(orderIds.slice(0, MATCHED)));
    const leases = await m.readLeases(orderIds.slice(0, MATCHED));
    expect(
      leases.every((l) => l?.state === 'active' && l.tenant === DEV_WALLET.address.toLowerCase()),
    ).toBe(true);
    const providers = await m.readProviders([...new Set(leases.map((l) => l?.provider ?? ''))]);
    expect(providers.every((p) => p !== null && p.certificate !== null && p.region !== null)).toBe(
      true,
    );
  });

  it('GIVEN 1, 10 and 100 orders WHEN leases, orders and providers are read THEN the round trips do not grow', async () => {
    const trips: number[] = [];
    for (const n of [1, 10, 100]) {
      const ids = orderIds.slice(0, n);
      const before = m.rpcRoundTrips();
      const [leases, orders] = await Promise.all([m.readLeases(ids), m.readOrders(ids)]);
      await m.readProviders(info.providers.map((p) => p.address));
      trips.push(m.rpcRoundTrips() - before);
      expect(leases).toHaveLength(n);
      expect(
        orders.map((o) => decodeStackTag(decodeOrderSpec(o?.spec ?? '{n:x,s:[]}').name)),
      ).toEqual(ids.map((_, i) => ({ stack: 'bench', instance: 'web', key: String(i) })));
    }
    expect(trips[2]).toBe(trips[0]);
    expect(trips[1]).toBe(trips[0]);
    expect(trips[0]).toBeLessThanOrEqual(2);
  });

  it('GIVEN an unknown lease id WHEN read THEN it is null, not an error', async () => {
    expect(await m.readLeases([999_999n])).toEqual([null]);
    expect(await m.readOrders([999_999n])).toEqual([null]);
  });

  it('GIVEN more than the unlocked escrow WHEN withdrawn THEN InsufficientBalance is decoded in token units', async () => {
    await expect(m.withdraw('USDT', 10n ** 15n)).rejects.toMatchObject({
      code: 'marketplace/insufficient-balance',
      detail: expect.stringMatching(/available [\d.]+ USDT, required 1000000000 USDT/),
    });
  });

  it('GIVEN a lease WHEN closed twice THEN the second close is a success without a transaction', async () => {
    const id = matches[MATCHED - 1]?.orderId ?? 0n;
    expect((await m.closeLease(id)).txHash).toMatch(/^0x/);
    expect(await m.closeLease(id)).toEqual({ txHash: null });
    expect((await m.readLeases([id]))[0]?.state).toBe('terminated');
  });

  it('GIVEN a provider with its registered certificate WHEN asked for a lease status THEN the pinned TLS succeeds; a wrong PEM is a mismatch', async () => {
    const lease = (await m.readLeases([matches[0]?.orderId ?? 0n]))[0];
    const [p] = await m.readProviders([lease?.provider ?? '']);
    if (p === null || p === undefined) throw new Error('no provider');
    const client = createProviderClient({
      signer: new Wallet(DEV_WALLET.privateKey),
      now: () => new Date(),
    });
    const endpoint = { address: p.address, hostUri: p.hostUri, certificate: p.certificate };
    const ok = await client.leaseStatus(endpoint, lease?.leaseId ?? 0n);
    // No manifest was sent: the provider answers 404 — over a pinned, verified connection.
    expect(ok).toMatchObject({ ok: false, kind: 'http', status: 404 });
    const other = (await m.readProviders(info.providers.map((x) => x.address))).find(
      (x) => x !== null && x.certificate !== p.certificate,
    );
    const bad = await client.leaseStatus(
      { ...endpoint, certificate: other?.certificate ?? null },
      lease?.leaseId ?? 0n,
    );
    expect(bad).toMatchObject({ ok: false, kind: 'certificate-mismatch' });
    const down = await client.leaseStatus({ ...endpoint, hostUri: '127.0.0.1:1' }, 1n, {
      timeoutMs: 3000,
    });
    expect(down).toMatchObject({ ok: false, kind: 'unreachable' });
  });
});
