// Plain-ethers + HTTPS helpers for the devnet lifecycle tests: a tenant as any client would be
// written against Spheron, no Leasehold planner involved.
import { request } from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, Wallet } from 'ethers';
import type { ContractTransactionResponse, Log, TransactionReceipt } from 'ethers';
import { connectContracts } from '../../../devnet/chain/connect-contracts.js';
import type { ConnectedContracts } from '../../../devnet/chain/connect-contracts.js';
import { DEV_WALLET } from '../../../wire/dev-accounts.js';
import { encodeOrderSpec } from '../../../wire/order-spec.js';
import { createAuthToken } from '../../../wire/auth-token.js';
import type { DevnetInfo } from '../../../devnet/supervisor/devnet-info.js';
import { waitFor } from '../../support/wait-for.js';

/** A fresh Leasehold home per test file. */
export const freshHome = (): string => mkdtempSync(join(tmpdir(), 'lh-devnet-'));

/** The tenant: the dev wallet, its contracts, and its RPC. */
export interface Tenant {
  readonly rpc: JsonRpcProvider;
  readonly wallet: Wallet;
  readonly c: ConnectedContracts;
  readonly info: DevnetInfo;
}

/** Connects the dev wallet to a running devnet. */
export function tenantOf(info: DevnetInfo): Tenant {
  const rpc = new JsonRpcProvider(info.rpcUrl, info.chainId, {
    staticNetwork: true,
    cacheTimeout: -1,
  });
  rpc.pollingInterval = 100;
  const wallet = new Wallet(DEV_WALLET.privateKey, rpc);
  return { rpc, wallet, c: connectContracts(info.addressBook, wallet), info };
}

/** Sends and waits for the receipt. */
export async function send(tx: Promise<unknown>): Promise<TransactionReceipt> {
  const sent = (await tx) as ContractTransactionResponse;
  const receipt = await sent.wait();
  if (receipt === null) throw new Error('no receipt');
  return receipt;
}

export { waitFor };

/** A one-service order spec (§3.2) with placement attributes. */
export function orderSpec(opts: {
  name: string;
  region?: string;
  gpuModel?: string;
  cpuMillis?: number;
}): string {
  const placement = [
    { key: 'cpu_model', value: 'any' },
    { key: 'bandwidth', value: 'any' },
    ...(opts.region === undefined ? [] : [{ key: 'region', value: opts.region }]),
  ];
  return encodeOrderSpec({
    name: opts.name,
    placement,
    services: [
      {
        name: 'web',
        count: 1,
        resources: {
          id: 1,
          cpuMillis: opts.cpuMillis ?? 500,
          cpuAttributes: [],
          memoryBytes: 512 * 2 ** 20,
          memoryAttributes: [],
          storage: [{ name: 'default', attributes: [], bytes: 2 ** 30 }],
          gpuUnits: opts.gpuModel === undefined ? 0 : 1,
          gpuAttributes:
            opts.gpuModel === undefined
              ? []
              : [{ key: `vendor/nvidia/model/${opts.gpuModel}`, value: 'true' }],
          endpoints: [{ kind: 1, sequenceNumber: 0 }],
        },
      },
    ],
  });
}

/** The order tuple of `createOrder` / `updateInitialOrder`. */
export function orderDetails(o: { maxPrice: bigint; blocks: bigint; token: string; spec: string }) {
  return {
    maxPrice: o.maxPrice,
    numOfBlocks: o.blocks,
    token: o.token,
    spec: o.spec,
    version: 1,
    mode: 1,
    tier: [],
  };
}

/** Creates an order and returns its id, read from the OrderCreated log of the receipt. */
export async function createOrder(
  t: Tenant,
  details: ReturnType<typeof orderDetails>,
): Promise<bigint> {
  const receipt = await send(t.c.OrderRequest.getFunction('createOrder')(details));
  const ev = eventArgs(t.c, receipt.logs, 'OrderRequest', 'OrderCreated')[0];
  if (ev === undefined) throw new Error('no OrderCreated');
  return ev[0] as bigint;
}

/** Decoded args of `event` emitted by contract `name` in these logs. */
export function eventArgs(
  c: ConnectedContracts,
  logs: readonly Log[],
  name: 'OrderRequest' | 'Bid' | 'ComputeLease',
  event: string,
): unknown[][] {
  const contract = c[name];
  return logs.flatMap((log) => {
    if (log.address.toLowerCase() !== String(contract.target).toLowerCase()) return [];
    const parsed = contract.interface.parseLog(log);
    return parsed !== null && parsed.name === event ? [parsed.args.toArray()] : [];
  });
}

/** Events of `event` from contract `name` since `fromBlock`. */
export async function eventsSince(
  t: Tenant,
  name: 'OrderRequest' | 'Bid' | 'ComputeLease',
  event: string,
  fromBlock: number,
): Promise<unknown[][]> {
  const logs = await t.c[name].queryFilter(event, fromBlock);
  return eventArgs(t.c, logs as Log[], name, event);
}

/** `https://<hostUri>` of a provider, read from the chain as a client would. */
export async function providerBase(t: Tenant, provider: string): Promise<string> {
  const p = (await t.c.ProviderRegistry.getFunction('getProviderByAddress')(provider)) as unknown[];
  const host = String(p[1]);
  return `https://${/:\d+$/.test(host) ? host : `${host}:8443`}`;
}

/** One HTTPS request to a provider (self-signed: the certificate is not verified, as the SDK does). */
export function providerRequest(
  url: string,
  opts: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const req = request(
      url,
      {
        method: opts.method ?? 'GET',
        rejectUnauthorized: false,
        headers: {
          ...(opts.token === undefined ? {} : { 'Auth-Spheron': opts.token }),
          ...(data === undefined ? {} : { 'content-type': 'application/json' }),
        },
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

/** A fresh Auth-Spheron token of the tenant. */
export const authToken = (t: Tenant): Promise<string> =>
  createAuthToken(t.wallet, Math.floor(Date.now() / 1000));

/** An Akash v2beta2 manifest of the one `web` service of {@link orderSpec}. */
export function manifest(opts: {
  image: string;
  env: string[];
  count?: number;
  name?: string;
}): unknown {
  return [
    {
      name: opts.name ?? 'lifecycle',
      services: [
        {
          name: 'web',
          image: opts.image,
          command: null,
          args: null,
          env: opts.env,
          resources: {
            id: 1,
            cpu: { units: { val: '500' } },
            memory: { size: { val: String(512 * 2 ** 20) } },
            storage: [{ name: 'default', size: { val: String(2 ** 30) } }],
            gpu: { units: { val: '0' }, attributes: [] },
            endpoints: [{ kind: 1, sequence_number: 0 }],
          },
          count: opts.count ?? 1,
          expose: [
            {
              port: 8080,
              externalPort: 8080,
              proto: 'TCP',
              service: '',
              global: true,
              hosts: null,
              ip: '',
              endpointSequenceNumber: 0,
            },
          ],
          params: null,
        },
      ],
    },
  ];
}

/** The workload's answer on its first forwarded port, from the lease status. */
export async function workloadRoot(status: unknown): Promise<Record<string, unknown>> {
  const fp = (
    status as { forwarded_ports: Record<string, { host: string; externalPort: number }[]> | null }
  ).forwarded_ports;
  const first = fp?.['web']?.[0];
  if (first === undefined) throw new Error('no forwarded port');
  const res = await fetch(`http://${first.host}:${first.externalPort}/`);
  return (await res.json()) as Record<string, unknown>;
}

/** The tenant's escrow `[locked, unlocked]` in base units. */
export async function escrowOf(t: Tenant, token: string): Promise<[bigint, bigint]> {
  const d = (await t.c.EscrowUser.getFunction('getUserData')(
    t.wallet.address,
    token,
    false,
  )) as unknown[];
  return [d[0] as bigint, d[1] as bigint];
}
