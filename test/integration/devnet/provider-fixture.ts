// Shared set-up of the provider-*.test.ts suites: one automining anvil per file, the devnet
// contracts, a tenant and a matcher speaking plain ethers and HTTPS — as the matcher and any
// Spheron client would — and helpers to start this package's provider daemons against them.
import { request } from 'node:https';
import { get } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, Network, Wallet } from 'ethers';
import type { ContractTransactionResponse, TransactionReceipt } from 'ethers';
import type { AddressBook } from '../../../wire/address-book.js';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import type { ConnectedContracts } from '../../../devnet/chain/connect-contracts.js';
import { deployContracts } from '../../../devnet/chain/deploy-contracts.js';
import { DEV_WALLET, MATCHER, providerAccount } from '../../../wire/dev-accounts.js';
import { startAnvil } from '../../../devnet/chain/start-anvil.js';
import type { AnvilHandle } from '../../../devnet/chain/start-anvil.js';
import { loadProviderConfig } from '../../../devnet/config/load-provider-config.js';
import type { ProviderConfig } from '../../../devnet/config/load-provider-config.js';
import { startProviderDaemon } from '../../../devnet/provider-daemon/index.js';
import type { ProviderDaemon } from '../../../devnet/provider-daemon/index.js';
import { createAuthToken, encodeOrderSpec } from '../../../wire/index.js';
import type { OrderSpec } from '../../../wire/index.js';
import { waitFor } from '../../support/wait-for.js';

/** The chain, the tenant and the matcher. */
export interface ProviderFixture {
  readonly anvil: AnvilHandle;
  readonly rpc: JsonRpcProvider;
  readonly book: AddressBook;
  readonly tenant: { wallet: Wallet; c: ConnectedContracts };
  readonly matcher: { wallet: Wallet; c: ConnectedContracts };
  readonly usdt: string;
  readonly configs: readonly ProviderConfig[];
  readonly logs: string[];
  /** Starts provider `index` (1–5) with its data in `dataDir` (a fresh one by default). */
  startProvider(
    index: number,
    opts?: { manifestTimeoutMs?: number; dataDir?: string },
  ): Promise<ProviderDaemon>;
  readonly refusals: { orderId: bigint; provider: string; reason: string }[];
  stop(): Promise<void>;
}

/** Sends and waits for the receipt. */
export async function send(tx: Promise<unknown>): Promise<TransactionReceipt> {
  const receipt = await ((await tx) as ContractTransactionResponse).wait();
  if (receipt === null) throw new Error('no receipt');
  return receipt;
}

/** Starts anvil with automine, deploys the devnet and deposits 1000 USDT for the tenant. */
export async function startProviderFixture(): Promise<ProviderFixture> {
  const anvil = await startAnvil({ blockTime: null });
  const book = await deployContracts({ rpcUrl: anvil.rpcUrl });
  const rpc = new JsonRpcProvider(anvil.rpcUrl, Network.from(book.chainId), {
    staticNetwork: true,
    batchMaxCount: 1,
    cacheTimeout: -1,
    pollingInterval: 50,
  });
  const actor = (key: string): { wallet: Wallet; c: ConnectedContracts } => {
    const wallet = new Wallet(key, rpc);
    return { wallet, c: connectContracts(book, wallet) };
  };
  const tenant = actor(DEV_WALLET.privateKey);
  const usdt = book.tokens.find((t) => t.symbol === 'USDT')?.address ?? '';
  const deposit = 1000n * 10n ** 6n;
  await send(tenant.c.token('USDT').getFunction('approve')(book.contracts.EscrowUser, deposit));
  await send(tenant.c.EscrowUser.getFunction('deposit')(usdt, deposit));
  const configs = loadProviderConfig();
  const logs: string[] = [];
  const refusals: ProviderFixture['refusals'] = [];
  const daemons: ProviderDaemon[] = [];
  return {
    anvil,
    rpc,
    book,
    tenant,
    matcher: actor(MATCHER.privateKey),
    usdt,
    configs,
    logs,
    refusals,
    startProvider: async (index, opts = {}) => {
      const config = configs.find((c) => c.index === index);
      if (config === undefined) throw new Error(`no provider ${index}`);
      const daemon = await startProviderDaemon({
        config,
        book,
        rpcUrl: anvil.rpcUrl,
        privateKey: providerAccount(index).privateKey,
        dataDir: opts.dataDir ?? mkdtempSync(join(tmpdir(), `lh-provider-${index}-`)),
        manifestTimeoutMs: opts.manifestTimeoutMs ?? 120_000,
        startDelayMs: 50,
        log: (line) => logs.push(`${config.name}: ${line}`),
        reportRefusal: (orderId, reason) =>
          refusals.push({ orderId, provider: config.name, reason }),
      });
      daemons.push(daemon);
      return daemon;
    },
    stop: async () => {
      for (const d of daemons) await d.stop().catch(() => undefined);
      rpc.destroy();
      await anvil.stop();
    },
  };
}

/** A one-service spec (`count` replicas of 0.5 CPU, 512 MiB) pinned to one provider. */
export function webSpec(name: string, providerAddress: string, count = 1): OrderSpec {
  return {
    name,
    placement: [{ key: 'desired_provider', value: providerAddress.toLowerCase() }],
    services: [
      {
        name: 'web',
        count,
        resources: {
          id: 1,
          cpuMillis: 500,
          cpuAttributes: [],
          memoryBytes: 512 * 2 ** 20,
          memoryAttributes: [],
          storage: [{ name: 'default', attributes: [], bytes: 2 ** 30 }],
          gpuUnits: 0,
          gpuAttributes: [],
          endpoints: [{ kind: 1, sequenceNumber: 0 }],
        },
      },
    ],
  };
}

/** The manifest for {@link webSpec}. */
export function webManifest(image: string, env: string[], count = 1): unknown {
  return [
    {
      name: 'web',
      services: [
        {
          name: 'web',
          image,
          command: null,
          args: null,
          env,
          resources: {
            id: 1,
            cpu: { units: { val: '500' } },
            memory: { size: { val: String(512 * 2 ** 20) } },
            storage: [{ name: 'default', size: { val: String(2 ** 30) } }],
            gpu: { units: { val: '0' }, attributes: [] },
            endpoints: [{ kind: 1, sequence_number: 0 }],
          },
          count,
          expose: [
            {
              port: 8080,
              externalPort: 8080,
              proto: 'TCP',
              service: '',
              global: true,
              hosts: null,
            },
          ],
          params: null,
        },
      ],
    },
  ];
}

/** Order details for `createOrder` / `updateInitialOrder`. */
export function orderDetails(f: ProviderFixture, spec: OrderSpec, numOfBlocks = 1000n): unknown {
  return {
    maxPrice: 10n ** 15n,
    numOfBlocks,
    token: f.usdt,
    spec: encodeOrderSpec(spec),
    version: 1,
    mode: 1,
    tier: [0, 1, 2, 3, 4, 5, 6],
  };
}

/** Creates an order as the tenant and returns its id (from the OrderCreated log). */
export async function createOrder(
  f: ProviderFixture,
  spec: OrderSpec,
  numOfBlocks = 1000n,
): Promise<bigint> {
  const receipt = await send(
    f.tenant.c.OrderRequest.getFunction('createOrder')(orderDetails(f, spec, numOfBlocks)),
  );
  for (const log of receipt.logs) {
    const parsed = f.tenant.c.OrderRequest.interface.parseLog({
      topics: [...log.topics],
      data: log.data,
    });
    if (parsed?.name === 'OrderCreated') return BigInt(parsed.args[0] as bigint);
  }
  throw new Error('no OrderCreated');
}

export { waitFor };

/** Waits for the provider's bid on `orderId`, then matches it as the matcher; returns the price. */
export async function bidAndMatch(
  f: ProviderFixture,
  orderId: bigint,
  provider: string,
): Promise<bigint> {
  const price = await waitFor('a bid', async () => {
    const bids = (await f.matcher.c.Bid.getFunction('getAllBidsForOrder')(orderId)) as unknown[][];
    const bid = bids.find((b) => String(b[1]).toLowerCase() === provider.toLowerCase());
    return bid === undefined ? undefined : BigInt(bid[2] as bigint);
  });
  await send(f.matcher.c.Bid.getFunction('matchOrder')(orderId, provider, price));
  return price;
}

/** A reply of the provider API or of a workload listener. */
export interface Reply {
  readonly status: number;
  readonly body: string;
}

/** Calls the provider API at `hostUri` as the tenant (fresh Auth-Spheron token unless `auth` is false). */
export async function callProvider(
  f: ProviderFixture,
  hostUri: string,
  method: string,
  path: string,
  body?: unknown,
  auth = true,
): Promise<Reply> {
  const [host, port] = hostUri.split(':');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth)
    headers['Auth-Spheron'] = await createAuthToken(f.tenant.wallet, Math.floor(Date.now() / 1000));
  return new Promise((resolve, reject) => {
    const req = request(
      { host, port: Number(port), method, path, headers, rejectUnauthorized: false, agent: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** GET on a workload listener over plain HTTP. */
export function callWorkload(port: number, path = '/'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    }).on('error', reject);
  });
}

/** The LeaseStatus fields the tests read. */
export interface StatusView {
  services: Record<
    string,
    {
      ready_replicas: number;
      total: number;
      container_statuses: { restartCount: number; ready: boolean }[];
    }
  >;
  forwarded_ports: Record<string, { host: string; port: number; externalPort: number }[]> | null;
}

/** Waits until every replica of `web` is ready; returns the status. */
export async function waitReady(
  f: ProviderFixture,
  hostUri: string,
  leaseId: bigint,
  count = 1,
): Promise<StatusView> {
  return waitFor(`lease ${leaseId} ready`, async () => {
    const r = await callProvider(f, hostUri, 'GET', `/lease/${leaseId}/1/1/status`);
    if (r.status !== 200) return undefined;
    const s = JSON.parse(r.body) as StatusView;
    return s.services['web']?.ready_replicas === count ? s : undefined;
  });
}

/** PUTs a manifest, retrying 404 while the provider has not yet seen the match. */
export async function putManifest(
  f: ProviderFixture,
  hostUri: string,
  leaseId: bigint,
  manifest: unknown,
): Promise<Reply> {
  return waitFor('manifest accepted or refused', async () => {
    const r = await callProvider(f, hostUri, 'PUT', `/deployment/${leaseId}/manifest`, manifest);
    return r.status === 404 ? undefined : r;
  });
}

/** The lease's on-chain state (0 active, 1 terminated). */
export async function leaseState(f: ProviderFixture, leaseId: bigint): Promise<number> {
  const l = (await f.tenant.c.ComputeLease.getFunction('leases')(leaseId)) as unknown[];
  return Number(l[9]);
}
