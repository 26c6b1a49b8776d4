/**
 * Starts one devnet provider: its HTTPS API on 127.0.0.(10 + index), its registration on chain
 * (idempotent across restarts), the workloads of its active leases restored from dataDir, and the
 * log poller that drives bidding, updates, expiry and teardown.
 */
import { akashCluster } from './akash-inventory.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressBook } from '../../wire/address-book.js';
import type { ProviderConfig } from '../config/load-provider-config.js';
import { loadOrCreateCertificate } from './certificate.js';
import { FaultBoard } from './fault-board.js';
import type { FaultKind } from './fault-board.js';
import { LeaseRegistry } from './lease-registry.js';
import { ProviderActor } from './provider-actor.js';
import type { ProviderBackend } from './provider-backend.js';
import { connectProviderChain, revertName } from './provider-chain.js';
import type { ChainEvent, ProviderChain } from './provider-chain.js';
import { startProviderServer } from './provider-server.js';
import type { ProviderServer } from './provider-server.js';

/** Options of {@link startProviderDaemon}. */
export interface StartProviderDaemonOptions {
  readonly config: ProviderConfig;
  readonly book: AddressBook;
  readonly rpcUrl: string;
  readonly privateKey: string;
  /** Certificate, chosen port and manifests live here. */
  readonly dataDir: string;
  /** Close a lease whose manifest has not arrived by then. @default 300000 */
  readonly manifestTimeoutMs?: number | undefined;
  /** Image pull + start time of each replica. @default 1000 */
  readonly startDelayMs?: number | undefined;
  readonly log: (line: string) => void;
  /** Why the provider did not bid on an order (for the matcher's explanation). */
  readonly reportRefusal?: ((orderId: bigint, reason: string) => void) | undefined;
}

/** A running provider daemon. */
export interface ProviderDaemon {
  readonly name: string;
  readonly address: string;
  /** `127.0.0.(10 + index):<port>`, as registered on chain. */
  readonly hostUri: string;
  setFault(kind: FaultKind, target?: { leaseId?: bigint | undefined }): void;
  clearFaults(): void;
  inventory(): unknown;
  stop(): Promise<void>;
}

const POLL_MS = 200;

/** Starts a provider daemon; resolves once it listens, is registered and has restored its leases. */
export async function startProviderDaemon(
  opts: StartProviderDaemonOptions,
): Promise<ProviderDaemon> {
  const { config } = opts;
  const host = `127.0.0.${10 + config.index}`;
  mkdirSync(opts.dataDir, { recursive: true });
  const faults = new FaultBoard();
  const chain = connectProviderChain(opts);
  let actor: ProviderActor | null = null;
  const registry = new LeaseRegistry({
    config,
    dataDir: opts.dataDir,
    startDelayMs: opts.startDelayMs ?? 1000,
    faults,
    commitUpdate: async (lease) => {
      if (actor === null) throw new Error('the provider is not started yet');
      return actor.commitUpdate(lease);
    },
    onManifest: (lease) => actor?.onManifest(lease),
  });
  const a = new ProviderActor({
    config,
    book: opts.book,
    chain,
    registry,
    faults,
    manifestTimeoutMs: opts.manifestTimeoutMs ?? 300_000,
    log: opts.log,
    reportRefusal: opts.reportRefusal,
  });
  actor = a;
  const cert = await loadOrCreateCertificate(opts.dataDir, host);
  const server = await startProviderServer({
    host,
    port: config.port !== 0 ? config.port : savedPort(opts.dataDir),
    ...cert,
    backend: backendFor(config, chain, a, registry, faults),
    version: {
      akash: { version: 'v0.4.8-leasehold-devnet', commit: 'devnet' },
      provider: config.name,
    },
    api: config.api ?? 'both',
    log: opts.log,
  });
  writeFileSync(join(opts.dataDir, 'port'), String(server.port));
  const hostUri = `${host}:${server.port}`;
  try {
    await register(chain, opts, hostUri, cert.cert);
    const from = await chain.rpc.getBlockNumber();
    await restore(chain, a, registry, opts.log);
    const poller = startPolling(chain, a, from, opts.log);
    opts.log(`provider ${config.name} (${chain.address}) serving https://${hostUri}`);
    return daemonHandle({ opts, chain, server, registry, faults, actor: a, poller, hostUri });
  } catch (err) {
    await server.close();
    chain.close();
    throw err;
  }
}

function backendFor(
  config: ProviderConfig,
  chain: ProviderChain,
  actor: ProviderActor,
  registry: LeaseRegistry,
  faults: FaultBoard,
): ProviderBackend {
  return {
    lookupLease: (id) => actor.lookupLease(id),
    putManifest: (id, body) => registry.applyManifest(id, body),
    workload: (id) => registry.get(id)?.workload ?? undefined,
    inventory: () => inventory(config, chain.address, registry, faults),
    faults,
    address: chain.address,
    nowSeconds: () => Math.floor(Date.now() / 1000),
  };
}

function savedPort(dataDir: string): number {
  const file = join(dataDir, 'port');
  const n = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 0;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : 0;
}

async function register(
  chain: ProviderChain,
  opts: StartProviderDaemonOptions,
  hostUri: string,
  cert: string,
): Promise<void> {
  const reg = chain.c.ProviderRegistry;
  const id = BigInt((await reg.getFunction('getProviderId')(chain.address)) as bigint);
  const tokens = opts.book.tokens
    .filter((t) => opts.config.tokens.some((s) => s.toLowerCase() === t.symbol.toLowerCase()))
    .map((t) => t.address);
  if (id === 0n) {
    // GPU models are advertised as the order attributes name them, so clients can explain a no-match.
    const gpus = opts.config.gpus.map((g) => `,{k:vendor/${g.vendor}/model/${g.model},v:true}`);
    const spec = `{n:${opts.config.name},r:${opts.config.region},a:[{k:tier,v:${opts.config.tier}}${gpus.join('')}]}`;
    await chain.send('addProvider', (c) =>
      c.ProviderRegistry.getFunction('addProvider')({
        walletAddress: chain.address,
        paymentsAccepted: tokens,
        spec,
        hostUri,
        certificate: cert,
        rewardWallet: chain.address,
      }),
    );
    opts.log(`registered on chain as ${hostUri}`);
    return;
  }
  const info = (await reg.getFunction('getProviderByAddress')(chain.address)) as unknown[];
  if (info[1] !== hostUri) {
    await chain.send('updateProviderHostUri', (c) =>
      c.ProviderRegistry.getFunction('updateProviderHostUri')(hostUri),
    );
  }
  if (info[2] !== cert) {
    await chain.send('updateProviderCertificate', (c) =>
      c.ProviderRegistry.getFunction('updateProviderCertificate')(cert),
    );
  }
}

async function restore(
  chain: ProviderChain,
  actor: ProviderActor,
  registry: LeaseRegistry,
  log: (line: string) => void,
): Promise<void> {
  const active = await chain.activeLeaseIds();
  for (const id of active) {
    try {
      await actor.adopt(id);
    } catch (err) {
      log(`lease ${id}: restore failed (${revertName(err)})`);
    }
  }
  const live = new Set(active.map(String));
  for (const id of registry.persistedLeaseIds()) {
    if (!live.has(id.toString())) registry.forgetManifest(id);
  }
}

interface Poller {
  stop(): Promise<void>;
}

function startPolling(
  chain: ProviderChain,
  actor: ProviderActor,
  from: number,
  log: (l: string) => void,
): Poller {
  let last = from;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async (): Promise<void> => {
    const head = await chain.rpc.getBlockNumber();
    if (head > last) {
      // Events of one order stay in order; different orders are handled concurrently, so a burst
      // of orders is bid on in one block rather than one block per order.
      const byOrder = new Map<string, ChainEvent[]>();
      for (const e of await chain.events(last + 1, head)) {
        const key = String(e.args[0]);
        byOrder.set(key, [...(byOrder.get(key) ?? []), e]);
      }
      await Promise.all(
        [...byOrder.values()].map(async (events) => {
          for (const e of events)
            await actor
              .handle(e)
              .catch((err: unknown) => log(`event ${e.name}: ${revertName(err)}`));
        }),
      );
      last = head;
    }
    await actor.closeExpired(BigInt(head));
  };
  const loop = (): void => {
    if (stopped) return;
    running = tick()
      .catch((err: unknown) => log(`poll: ${revertName(err)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, POLL_MS);
      });
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function inventory(
  config: ProviderConfig,
  address: string,
  registry: LeaseRegistry,
  faults: FaultBoard,
): unknown {
  return {
    name: config.name,
    address,
    region: config.region,
    tier: config.tier,
    capacity: { ...config.capacity, gpus: config.gpus },
    used: registry.used(),
    // What real providers publish (Akash's shape), read by `plan`'s capacity screening.
    cluster: akashCluster(config, registry.used(), registry.all().length),
    leases: registry.all().map((l) => ({
      leaseId: l.leaseId.toString(),
      tenant: l.tenant,
      services: (l.workload?.snapshot() ?? []).map((s) => ({
        name: s.name,
        image: s.image,
        total: s.count,
        ready: s.replicas.filter((r) => r.state === 'running').length,
      })),
    })),
    faults: faults.list(),
  };
}

function daemonHandle(p: {
  opts: StartProviderDaemonOptions;
  chain: ProviderChain;
  server: ProviderServer;
  registry: LeaseRegistry;
  faults: FaultBoard;
  actor: ProviderActor;
  poller: Poller;
  hostUri: string;
}): ProviderDaemon {
  const { opts, faults, registry, server } = p;
  return {
    name: opts.config.name,
    address: p.chain.address,
    hostUri: p.hostUri,
    setFault: (kind, target) => {
      const fault = faults.set(kind, target?.leaseId);
      opts.log(
        `fault ${kind} set${fault.leaseId === undefined ? '' : ` on lease ${fault.leaseId}`}`,
      );
      if (kind === 'offline') void server.goOffline();
      if (kind === 'crash') {
        const hit = registry
          .all()
          .filter((l) => fault.leaseId === undefined || l.leaseId.toString() === fault.leaseId);
        for (const l of hit) void l.workload?.crashAll();
      }
    },
    clearFaults: () => {
      faults.clear();
      opts.log('faults cleared');
      void server.goOnline().catch((err: unknown) => opts.log(`provider api: ${revertName(err)}`));
    },
    inventory: () => inventory(opts.config, p.chain.address, registry, faults),
    stop: async () => {
      await p.poller.stop();
      p.actor.stop();
      await server.close();
      await registry.stopAll();
      p.chain.close();
    },
  };
}
