import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressBook } from '../../wire/address-book.js';
import { devnetPaths } from '../devnet-home.js';
import type { DevnetPaths } from '../devnet-home.js';
import { assertPortFree } from './assert-port-free.js';
import { createChainReader } from './chain-reader.js';
import { controlHandlers } from './control-handlers.js';
import { startControlServer } from './control-server.js';
import { DEV_WALLET_NOTE, writeDevnetInfo } from './devnet-info.js';
import type { DevnetInfo } from './devnet-info.js';
import { startActors } from './start-actors.js';

/** How the supervisor runs the devnet; `main.ts` builds it from argv. */
export interface SupervisorOptions {
  /** Leasehold home; the devnet lives in `<home>/devnet`. */
  readonly home: string;
  /** Seconds per block (fractions allowed); null = automine. @default 1 */
  readonly blockTime: number | null;
  /** anvil's RPC port on 127.0.0.1; 0 picks a free one. @default 8545 */
  readonly port: number;
  /** Providers close a lease whose manifest has not arrived by then. @default 300000 */
  readonly manifestTimeoutMs?: number | undefined;
  /** Simulated image pull and start time of each replica. */
  readonly startDelayMs?: number | undefined;
  /** Bid window of the matcher, in blocks. @default 2 */
  readonly windowBlocks?: number | undefined;
  readonly log: (line: string) => void;
  /** Called when a client asks the control API to shut down. */
  readonly onShutdownRequested: () => void;
}

/** A running devnet: `stop` tears everything down in reverse start order. */
export interface RunningSupervisor {
  readonly info: DevnetInfo;
  stop(): Promise<void>;
}

/**
 * Starts the whole devnet in this process: anvil (state kept under the devnet dir), the contracts
 * (deployed once, the address book reused on restart), the matcher, the provider daemons (which
 * restore their workloads from the chain) and the control API; writes devnet.json last, so its
 * presence means ready.
 */
export async function runSupervisor(opts: SupervisorOptions): Promise<RunningSupervisor> {
  const paths = devnetPaths(opts.home);
  mkdirSync(paths.providers, { recursive: true });
  if (opts.port !== 0) await assertPortFree('127.0.0.1', opts.port);
  const { startAnvil } = await import('../chain/start-anvil.js');
  const anvil = await startAnvil({
    host: '127.0.0.1',
    port: opts.port,
    blockTime: opts.blockTime,
    statePath: paths.chainState,
    stateInterval: 2,
    chainId: 31337,
  });
  const stops: (() => Promise<void>)[] = [() => anvil.stop()];
  const unwind = async (): Promise<void> => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    opts.log(`supervisor: anvil listening at ${anvil.rpcUrl} (pid ${anvil.pid})`);
    const book = await loadOrDeploy(anvil.rpcUrl, paths, opts.log);
    const reader = await createChainReader(anvil.rpcUrl, book);
    stops.push(async () => reader.close());
    const actors = await startActors({ ...opts, paths, rpcUrl: anvil.rpcUrl, book }, stops);
    const token = randomBytes(24).toString('hex');
    const handlers = controlHandlers({ ...actors, reader, rpcUrl: anvil.rpcUrl, book, opts });
    const control = await startControlServer({
      token,
      handlers: { ...handlers, shutdown: opts.onShutdownRequested },
    });
    stops.push(() => control.close());
    const info: DevnetInfo = {
      formatVersion: 1,
      pid: process.pid,
      rpcUrl: anvil.rpcUrl,
      chainId: book.chainId,
      blockTime: opts.blockTime,
      addressBook: book,
      providers: actors.providers,
      control: { url: control.url, token },
      devWallet: { ...actors.devWallet, note: DEV_WALLET_NOTE },
      startedAt: new Date().toISOString(),
    };
    writeDevnetInfo(paths.info, info);
    opts.log(`supervisor: ready (control API ${control.url})`);
    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> =>
      (stopping ??= unwind().then(() => rmSync(paths.info, { force: true })));
    return { info, stop };
  } catch (err) {
    await unwind();
    throw err;
  }
}

/** Reuses the saved address book while the chain state still holds its contracts; else deploys. */
async function loadOrDeploy(
  rpcUrl: string,
  paths: DevnetPaths,
  log: (line: string) => void,
): Promise<AddressBook> {
  if (existsSync(paths.addressBook)) {
    const saved = JSON.parse(readFileSync(paths.addressBook, 'utf8')) as AddressBook;
    const reader = await createChainReader(rpcUrl, saved);
    const present = await reader.hasContracts().finally(() => reader.close());
    if (present) {
      log('supervisor: chain state restored; reusing the saved address book');
      return saved;
    }
    log('supervisor: saved address book has no contracts on this chain; redeploying');
  }
  const { deployContracts } = await import('../chain/deploy-contracts.js');
  const book = await deployContracts({ rpcUrl });
  writeFileSync(paths.addressBook, JSON.stringify(book, null, 2) + '\n');
  log(`supervisor: contracts deployed at block ${book.deployBlock}`);
  return book;
}
