import { join } from 'node:path';
import type { AddressBook } from '../../wire/address-book.js';
import { DEV_WALLET, MATCHER, providerAccount } from '../../wire/dev-accounts.js';
import type { ProviderConfig } from '../config/load-provider-config.js';
import type { DevnetPaths } from '../devnet-home.js';
import { createMatcherChain } from '../matcher/matcher-chain.js';
import { startMatcher } from '../matcher/start-matcher.js';
import type { Matcher } from '../matcher/start-matcher.js';
import type { ProviderDaemon } from '../provider-daemon/index.js';
import type { DevnetProviderInfo } from './devnet-info.js';

/** A started provider daemon with the config it runs. */
export interface RunningProvider {
  readonly config: ProviderConfig;
  readonly daemon: ProviderDaemon;
}

/** The off-chain actors of a devnet. */
export interface Actors {
  readonly matcher: Matcher;
  readonly daemons: readonly RunningProvider[];
  readonly providers: readonly DevnetProviderInfo[];
  readonly devWallet: { readonly address: string; readonly privateKey: string };
}

/** Inputs of {@link startActors}. */
export interface StartActorsOptions {
  readonly paths: DevnetPaths;
  readonly rpcUrl: string;
  readonly book: AddressBook;
  readonly blockTime: number | null;
  readonly manifestTimeoutMs?: number | undefined;
  readonly startDelayMs?: number | undefined;
  readonly windowBlocks?: number | undefined;
  readonly log: (line: string) => void;
}

/**
 * Starts the matcher, then the provider daemons, pushing each one's stop onto `stops` as soon as
 * it runs so a later failure unwinds it.
 */
export async function startActors(
  opts: StartActorsOptions,
  stops: (() => Promise<void>)[],
): Promise<Actors> {
  const { loadProviderConfig } = await import('../config/load-provider-config.js');
  const { startProviderDaemon } = await import('../provider-daemon/index.js');
  // Providers price per block at the chain's real block time, the one clients convert with; the
  // file's secondsPerBlock stands for automine, which has none.
  const configs = loadProviderConfig().map((c) =>
    opts.blockTime === null ? c : { ...c, secondsPerBlock: opts.blockTime },
  );
  const chain = await createMatcherChain({
    rpcUrl: opts.rpcUrl,
    book: opts.book,
    privateKey: MATCHER.privateKey,
  });
  const matcher = startMatcher({
    chain,
    providerNames: configs.map((c) => c.name),
    fromBlock: opts.book.deployBlock,
    windowBlocks: opts.windowBlocks,
    // With automine no block arrives by itself; close the window by time instead.
    windowMs: opts.blockTime === null ? 500 : null,
    log: opts.log,
  });
  stops.push(() => matcher.stop());
  // In parallel: each registers with its own account, and with 1 s blocks a sequential start
  // costs a block or two per provider. Registry ids therefore follow registration order.
  const daemons = await Promise.all(
    configs.map(async (config): Promise<RunningProvider> => {
      const daemon = await startProviderDaemon({
        config,
        book: opts.book,
        rpcUrl: opts.rpcUrl,
        privateKey: providerAccount(config.index).privateKey,
        dataDir: join(opts.paths.providers, config.name),
        manifestTimeoutMs: opts.manifestTimeoutMs,
        startDelayMs: opts.startDelayMs,
        log: (line) => opts.log(`${config.name}: ${line}`),
        reportRefusal: (orderId, reason) => matcher.reportRefusal(config.name, orderId, reason),
      });
      stops.push(() => daemon.stop());
      return { config, daemon };
    }),
  );
  const providers = await registerTiers(opts, daemons);
  return {
    matcher,
    daemons,
    providers,
    devWallet: { address: DEV_WALLET.address, privateKey: DEV_WALLET.privateKey },
  };
}

/** Brings on-chain tiers in line with the configs, and describes the providers for devnet.json. */
async function registerTiers(
  opts: StartActorsOptions,
  daemons: readonly RunningProvider[],
): Promise<DevnetProviderInfo[]> {
  const { syncProviderTiers } = await import('./sync-provider-tiers.js');
  const tiers = daemons.map(({ config, daemon }) => ({
    address: daemon.address,
    tier: config.tier,
  }));
  const updated = await syncProviderTiers({
    rpcUrl: opts.rpcUrl,
    book: opts.book,
    providers: tiers,
  });
  if (updated > 0) opts.log(`set the on-chain tier of ${updated} provider(s) from their config`);
  return daemons.map(({ config, daemon }) => ({
    name: config.name,
    address: daemon.address,
    hostUri: daemon.hostUri,
    region: config.region,
    tier: config.tier,
  }));
}
